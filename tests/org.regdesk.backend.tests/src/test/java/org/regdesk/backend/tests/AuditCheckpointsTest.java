package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regdesk.server.audit.internal.AuditCheckpoints;
import org.regdesk.server.desk.Actor;
import org.regdesk.server.registry.internal.AuditCheckpointPublisher;
import org.regdesk.server.store.DemoData;
import org.regdesk.server.store.Operator;

/**
 * Audit checkpoints outside the database: a line in the node's file and a syslog message (UDP, RFC 5424) once the
 * chain grew; the auditors' check holds the chain against them, so deleting the newest records, which leaves a chain
 * that verifies by itself, is found.
 */
class AuditCheckpointsTest {

    @TempDir
    Path data;

    @Test
    void checkpointsGoToTheFileAndSyslogAndFindRemovedRecords() throws Exception {
        try (TestBackend backend = new TestBackend(data, TestDatabase.H2);
                DatagramSocket syslog = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            syslog.setSoTimeout(5000);
            Path file = data.resolve("audit").resolve("checkpoints.jsonl");
            AuditCheckpointPublisher publisher = new AuditCheckpointPublisher(backend.audit, file,
                    Optional.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), syslog.getLocalPort())), "node-t", backend.clock,
                    Duration.ofHours(1));
            backend.desk("DESK-001").signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
            assertThrows(Exception.class, () -> backend.desk("DESK-001").signIn("operator1", "wrong".toCharArray()));

            int chained = backend.auditRecords().size(); // the requests' records linked into the chain first
            AuditCheckpoints.Checkpoint written = publisher.publish().orElseThrow();
            assertEquals(chained, written.count());
            assertEquals(Optional.empty(), publisher.publish(), "nothing new, no new checkpoint");
            assertEquals(1, Files.readAllLines(file).size());
            DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
            syslog.receive(packet);
            String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            assertTrue(message.startsWith("<134>1 ") && message.contains(" node-t regdesk-server - AUDIT_CHECKPOINT - {\"count\":"),
                    message);

            Actor auditor = new Actor("auditor1", Operator.Role.AUDITOR, "DESK-001");
            Map<String, Object> intact = backend.audit.check(auditor);
            assertEquals(1, intact.get("checkpoints"));
            assertEquals(null, intact.get("problem"), intact.toString());

            // whoever can write the table removes the newest records: the chain alone still verifies
            backend.database.independentTransaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.executeUpdate("DELETE FROM audit_records WHERE sequence >= " + (written.count() - 1));
                }
            });
            Map<String, Object> truncated = backend.audit.check(auditor);
            assertTrue(String.valueOf(truncated.get("problem")).contains("records were removed"), truncated.toString());
            assertTrue(truncated.get("firstBroken") != null, truncated.toString());
            publisher.close();
        }
    }
}
