package org.regdesk.server.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {

    private final AuditTrail trail = new AuditTrail(Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));

    private void threeSteps() {
        trail.append("op-1", "desk-1", "code.redeem", "accepted", Map.of("citizen", "*********46"));
        trail.append("op-1", "desk-1", "otp.verify", "refused", Map.of("reason", "WRONG_OTP"));
        trail.append("op-1", "desk-1", "unblock", "aborted", Map.of("card", "RD0000000001"));
    }

    @Test
    void anUntouchedChainVerifies() {
        threeSteps();
        assertEquals(Optional.empty(), trail.verify());
        assertEquals(AuditTrail.GENESIS, trail.records().get(0).previousHash());
        assertEquals(trail.records().get(0).hash(), trail.records().get(1).previousHash());
    }

    @Test
    void aChangedRecordIsFound() {
        threeSteps();
        List<AuditRecord> chain = new ArrayList<>(trail.records());
        AuditRecord second = chain.get(1);
        chain.set(1, new AuditRecord(2, second.time(), second.operator(), second.desk(), second.action(), "accepted",
                second.details(), second.previousHash(), second.hash()));
        assertEquals(Optional.of(2L), AuditTrail.firstBroken(chain));
    }

    @Test
    void aRemovedOrReorderedRecordIsFound() {
        threeSteps();
        List<AuditRecord> removed = new ArrayList<>(trail.records());
        removed.remove(1);
        assertEquals(Optional.of(3L), AuditTrail.firstBroken(removed));

        List<AuditRecord> reordered = new ArrayList<>(trail.records());
        reordered.add(0, reordered.remove(2));
        assertEquals(Optional.of(3L), AuditTrail.firstBroken(reordered));
    }

    @Test
    void theJsonLinesExportReadsBackAndTheCheckCommandFindsATamperedLine(@TempDir Path directory) throws Exception {
        threeSteps();
        StringWriter out = new StringWriter();
        trail.exportJsonLines(out);
        String[] lines = out.toString().split("\n");
        assertEquals(3, lines.length);
        assertEquals(trail.records(), AuditTrail.readJsonLines(new BufferedReader(new StringReader(out.toString()))));

        Path export = Files.writeString(directory.resolve("audit.jsonl"), out.toString());
        assertTrue(AuditChainCheck.check(export));
        Files.writeString(export, out.toString().replace("\"refused\"", "\"accepted\""));
        assertFalse(AuditChainCheck.check(export));
    }
}
