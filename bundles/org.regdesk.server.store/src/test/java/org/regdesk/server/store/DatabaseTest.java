package org.regdesk.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regdesk.server.audit.internal.AuditTrail;

class DatabaseTest {

    private static final org.regdesk.server.audit.internal.AuditSeal SEAL = new org.regdesk.server.audit.internal.AuditSeal(new byte[32]);

    @TempDir
    Path data;

    @Test
    void theSchemaIsMigratedOnceAndReopeningKeepsTheData() {
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            new Operators(database).insertDesk(new Desk("DESK-9", "Test", "Ankara", true));
        }
        try (Database reopened = Database.open(DatabaseSettings.embedded(data))) {
            assertTrue(new Operators(reopened).desk("DESK-9").isPresent());
        }
    }

    @Test
    void aMigrationChangedAfterItWasAppliedStopsTheServer() {
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            database.transaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE schema_history SET checksum = 'edited' WHERE version = 1")) {
                    return update.executeUpdate();
                }
            });
        }
        DatabaseException refused = assertThrows(DatabaseException.class, () -> Database.open(DatabaseSettings.embedded(data)));
        assertTrue(refused.getMessage().contains("V1__registry.sql"), refused.getMessage());
    }

    @Test
    void theAuditChainSurvivesTheDatabaseAndAnEditIsFound() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00.123456789Z"), ZoneOffset.UTC);
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            AuditTrail trail = new AuditTrail(clock, new JdbcAuditStore(database, SEAL), SEAL);
            trail.append("op1", "DESK-1", "CODE_REDEEMED", "ACCEPTED", Map.of("citizen", "*********46"));
            trail.append("op1", "DESK-1", "OTP_VERIFIED", "WRONG_CODE", Map.of("attemptsLeft", "2"));
            // a second trail (another server process) continues the same chain
            new AuditTrail(clock, new JdbcAuditStore(database, SEAL), SEAL).append("op2", "DESK-2", "SIGN_IN", "OK", Map.of());
            assertEquals(3, trail.records().size());
            assertTrue(trail.verify().isEmpty());
            // the first trail's cached head is stale: it must still continue the chain, not fork it
            trail.append("op1", "DESK-1", "SESSION_ABORTED", "ABORTED", Map.of());
            assertTrue(trail.verify().isEmpty());

            database.transaction(connection -> connection.createStatement()
                    .executeUpdate("UPDATE audit_records SET outcome = 'ACCEPTED' WHERE sequence = 2"));
            assertEquals(2L, trail.verify().orElseThrow());
        }
    }

    @Test
    void onlyOneOfTwoRacingRequestsMovesASession() {
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            DemoData.load(database);
            DeskSessions sessions = new DeskSessions(database);
            Instant now = Instant.parse("2026-11-26T10:00:00Z");
            sessions.insert(new DeskSessionRecord("s1", DemoData.AYSE, "PIN_UNBLOCK", "CODE",
                    "DESK-001", "operator1", SessionState.OPEN, now, now.plusSeconds(900), java.util.Optional.empty(),
                    java.util.Optional.empty(), java.util.Optional.empty()));
            assertTrue(sessions.transition("s1", SessionState.OPEN, SessionState.OTP_VERIFIED, now, null));
            assertFalse(sessions.transition("s1", SessionState.OPEN, SessionState.OTP_VERIFIED, now, null));
            assertEquals(SessionState.OTP_VERIFIED, sessions.find("s1").orElseThrow().state());
        }
    }
}
