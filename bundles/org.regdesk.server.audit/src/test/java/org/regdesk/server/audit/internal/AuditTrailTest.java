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

    private static final byte[] KEY = "an audit key of thirty-two bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final AuditSeal SEAL = new AuditSeal(KEY);

    private final AuditTrail trail = new AuditTrail(Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC), SEAL);

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
        assertEquals(Optional.of(2L), AuditTrail.firstBroken(SEAL, chain));
    }

    @Test
    void aRemovedOrReorderedRecordIsFound() {
        threeSteps();
        List<AuditRecord> removed = new ArrayList<>(trail.records());
        removed.remove(1);
        assertEquals(Optional.of(3L), AuditTrail.firstBroken(SEAL, removed));

        List<AuditRecord> reordered = new ArrayList<>(trail.records());
        reordered.add(0, reordered.remove(2));
        assertEquals(Optional.of(3L), AuditTrail.firstBroken(SEAL, reordered));
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
        assertTrue(AuditChainCheck.check(export, SEAL, List.of()));
        Files.writeString(export, out.toString().replace("\"refused\"", "\"accepted\""));
        assertFalse(AuditChainCheck.check(export, SEAL, List.of()));
    }

    /** Without the key nobody makes a chain that verifies: recomputing plain hashes, or sealing with another key. */
    @Test
    void aChainRewrittenWithoutTheKeyIsFound() {
        threeSteps();
        AuditTrail forged = new AuditTrail(Clock.systemUTC(), new AuditSeal(new byte[32]));
        forged.append("op-1", "desk-1", "code.redeem", "accepted", Map.of());
        assertEquals(Optional.of(1L), AuditTrail.firstBroken(SEAL, forged.records()));
    }

    /** Deleting the newest records leaves a chain that verifies; the checkpoints written outside the database do not. */
    @Test
    void checkpointsFindTruncationAndRewritesAndAreSealed(@TempDir Path directory) throws Exception {
        threeSteps();
        AuditCheckpoints checkpoints = new AuditCheckpoints(SEAL);
        List<AuditRecord> chain = trail.records();
        Path file = directory.resolve("checkpoints.jsonl");
        Files.writeString(file, "Dec  7 10:00:00 node1 regdesk-server: AUDIT_CHECKPOINT "
                + AuditCheckpoints.line(checkpoints.of(chain.get(2), Instant.parse("2026-11-26T10:00:05Z"), "node1")) + "\n");
        List<AuditCheckpoints.Checkpoint> read = AuditCheckpoints.read(Files.newBufferedReader(file));
        assertEquals(3, read.get(0).count());

        assertEquals(Optional.empty(), checkpoints.problem(chain, read));
        List<AuditRecord> truncated = chain.subList(0, 2);
        assertEquals(Optional.empty(), AuditTrail.firstBroken(SEAL, truncated), "a shortened chain still verifies by itself");
        assertTrue(checkpoints.problem(truncated, read).orElseThrow().contains("records were removed"));

        AuditCheckpoints.Checkpoint forged = new AuditCheckpoints.Checkpoint(2, chain.get(1).hash(), 2, Instant.now(), "x", read.get(0).seal());
        assertTrue(checkpoints.problem(chain, List.of(forged)).orElseThrow().contains("not sealed with the audit key"));
        AuditRecord other = new AuditTrail(Clock.systemUTC(), SEAL).append("op-9", "desk-9", "x", "y", Map.of());
        assertTrue(new AuditCheckpoints(SEAL).problem(chain, List.of(checkpoints.of(new AuditRecord(3, other.time(), "a", "b", "c", "d",
                Map.of(), "", "f".repeat(64)), Instant.now(), "n"))).orElseThrow().contains("rewritten"));
    }
}
