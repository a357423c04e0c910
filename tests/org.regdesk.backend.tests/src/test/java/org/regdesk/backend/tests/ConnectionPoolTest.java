package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.DatabaseSettings;
import org.regdesk.server.store.pool.ConnectionPools;

/** The registry's connection pool (HikariCP inside its own bundle) against the faults a real database has. */
class ConnectionPoolTest {

    @Test
    void connectionsPostgresqlDroppedAreReplacedBeforeARequestGetsThem(@TempDir Path data) throws Exception {
        DatabaseSettings settings = TestDatabase.POSTGRESQL.settings(data);
        try (Database database = Database.open(settings)) {
            int before = database.transaction(connection -> backendPid(connection));
            // the database drops every connection of the registry (a restart, a failover, an idle timeout)
            try (Connection admin = DriverManager.getConnection(settings.url(), settings.user(), new String(settings.password()));
                    Statement statement = admin.createStatement();
                    ResultSet killed = statement.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                            + "WHERE usename = current_user AND pid <> pg_backend_pid()")) {
                killed.next();
                assertTrue(killed.getInt(1) >= 1, "the pool's connections were open and are now gone");
            }
            Thread.sleep(600); // idle longer than the pool trusts a connection without checking it
            for (int i = 0; i < 10; i++) {
                int pid = database.transaction(connection -> backendPid(connection));
                assertTrue(pid != before, "a fresh connection, not the dropped one");
            }
        }
    }

    @Test
    void aConnectionHeldTooLongIsReportedWithWhoTookIt(@TempDir Path data) throws Exception {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:leak;DB_CLOSE_DELAY=-1");
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        try (ConnectionPools.Pool pool = ConnectionPools.open(h2, new ConnectionPools.Settings("leak-test", 2,
                Duration.ofSeconds(5), Duration.ofMinutes(30), Duration.ofSeconds(2)))) {
            try (Connection held = pool.dataSource().getConnection()) {
                Thread.sleep(2_600);
                assertEquals(1, held.createStatement().executeQuery("SELECT 1").next() ? 1 : 0);
            }
        } finally {
            System.setErr(original);
        }
        String logged = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(logged.contains("leak") && logged.contains(ConnectionPoolTest.class.getName()), logged);
    }

    private static int backendPid(Connection connection) throws java.sql.SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
