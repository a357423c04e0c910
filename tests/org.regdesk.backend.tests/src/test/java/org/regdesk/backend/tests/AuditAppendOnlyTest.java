package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regdesk.server.audit.internal.AuditSeal;
import org.regdesk.server.audit.internal.AuditTrail;
import org.regdesk.server.desks.internal.EnrolledDesks;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.DatabaseOwner;
import org.regdesk.server.store.DatabaseSettings;
import org.regdesk.server.store.JdbcAuditStore;

/**
 * On PostgreSQL the server's role may only read and add audit records (migrations ran as the schema's owner, which
 * granted it no more), and a trigger refuses changing, deleting or truncating them even to the owner.
 */
class AuditAppendOnlyTest {

    private static final AuditSeal SEAL = new AuditSeal(new byte[32]);

    @TempDir
    Path data;

    @Test
    void theServersRoleMayOnlyAddAuditRecordsAndNobodyMayChangeThem() throws Exception {
        DatabaseSettings owner = TestDatabase.POSTGRESQL.settings(data); // a fresh schema, owned by the test's role
        String appUser = System.getenv().getOrDefault("REGDESK_TEST_POSTGRES_APP_USER", "");
        String appPassword = System.getenv().getOrDefault("REGDESK_TEST_POSTGRES_APP_PASSWORD", "");
        if (appUser.isEmpty()) {
            if (System.getenv("REGDESK_REQUIRE_POSTGRES") != null) {
                throw new IllegalStateException("REGDESK_TEST_POSTGRES_APP_USER is not set (./desk test creates regdesk_app)");
            }
            Assumptions.abort("no application role configured (REGDESK_TEST_POSTGRES_APP_USER)");
        }
        DatabaseSettings app = new DatabaseSettings(owner.url(), appUser, appPassword.toCharArray(), 4);
        try (Database database = Database.open(app, Optional.of(new DatabaseOwner(owner.user(), owner.password())))) {
            AuditTrail trail = new AuditTrail(Clock.systemUTC(), new JdbcAuditStore(database, SEAL), SEAL);
            trail.append("op1", "DESK-1", "SIGN_IN", "OK", Map.of());
            trail.append("op1", "DESK-1", "SESSION_OPENED", "OK", Map.of());
            // a module's own migration runs as the owner too, and the server's role may use its table
            new EnrolledDesks(database, Clock.systemUTC()).all();
            assertEquals(Optional.empty(), trail.verify());

            for (String change : new String[] { "UPDATE audit_records SET outcome = 'X' WHERE sequence = 1",
                    "DELETE FROM audit_records WHERE sequence = 2", "TRUNCATE audit_records" }) {
                assertTrue(refused(owner.url(), appUser, appPassword, change).contains("permission denied"),
                        "the server's role: " + change);
                assertTrue(refused(owner.url(), owner.user(), new String(owner.password()), change).contains("append-only"),
                        "the owner: " + change);
            }
            assertEquals(2, trail.records().size());
            assertEquals(Optional.empty(), trail.verify());
        }
    }

    private static String refused(String url, String user, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password); Statement statement = connection.createStatement()) {
            return assertThrows(SQLException.class, () -> statement.execute(sql), sql).getMessage();
        }
    }
}
