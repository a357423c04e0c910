package org.regdesk.backend.tests;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;
import org.regdesk.server.store.DatabaseSettings;

/**
 * The two databases the backend runs on. PostgreSQL comes from REGDESK_TEST_POSTGRES_URL / _USER /
 * _PASSWORD (./desk test starts one); its public schema is emptied before each backend starts. Where
 * REGDESK_REQUIRE_POSTGRES is set (CI), a missing PostgreSQL fails instead of skipping.
 */
enum TestDatabase {
    H2, POSTGRESQL;

    DatabaseSettings settings(Path data) {
        if (this == H2) {
            return DatabaseSettings.embedded(data);
        }
        String url = System.getenv("REGDESK_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            if (System.getenv("REGDESK_REQUIRE_POSTGRES") != null) {
                throw new IllegalStateException("REGDESK_REQUIRE_POSTGRES is set but REGDESK_TEST_POSTGRES_URL is not");
            }
            Assumptions.abort("no PostgreSQL configured (REGDESK_TEST_POSTGRES_URL); ./desk test starts one");
        }
        String user = System.getenv().getOrDefault("REGDESK_TEST_POSTGRES_USER", "regdesk");
        String password = System.getenv().getOrDefault("REGDESK_TEST_POSTGRES_PASSWORD", "regdesk");
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " is not usable: " + e.getMessage(), e);
        }
        return new DatabaseSettings(url, user, password.toCharArray(), 32);
    }
}
