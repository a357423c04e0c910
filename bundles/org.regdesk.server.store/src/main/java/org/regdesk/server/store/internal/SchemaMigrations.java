package org.regdesk.server.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.regdesk.server.store.DatabaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations, Flyway-style file names ({@code db/migration/V<n>__<what>.sql}). Each
 * applied file's SHA-256 is recorded; a changed applied file stops the server rather than run on a
 * schema nobody knows. Neither Flyway nor Liquibase is used: Flyway 13 jars carry no OSGi manifest and
 * find databases through ServiceLoader plugins; Liquibase would bring six more bundles for two files.
 */
public final class SchemaMigrations {

    /** In order. A new migration is a new file added at the end; applied files never change. */
    static final List<String> MIGRATIONS = List.of("V1__registry.sql", "V2__e_onay.sql", "V3__open_operation_ids.sql",
            "V4__cluster_state.sql", "V5__audit_append_only.sql", "V6__operator_cards.sql");

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    /** The advisory lock key of schema migrations ("RD" "MG" in ASCII). */
    private static final long MIGRATION_LOCK = 0x5244_4D47L;

    private SchemaMigrations() {
    }

    /** The registry core's schema. */
    public static void migrate(Connection connection) throws SQLException {
        migrate(connection, "schema_history", SchemaMigrations.class, "/db/migration/", MIGRATIONS);
    }

    /**
     * A module's own schema (a plug-in's tables), with its own history table, so modules version their
     * tables apart: {@code scripts} are read from {@code owner}'s bundle at {@code folder}.
     */
    public static void migrate(Connection connection, String historyTable, Class<?> owner, String folder, List<String> scripts)
            throws SQLException {
        if (!historyTable.matches("[a-z_]{1,60}")) {
            throw new IllegalArgumentException("history table name: " + historyTable);
        }
        boolean postgresql = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        if (postgresql) {
            // nodes starting together: one migrates, the others wait and then find nothing left to do
            try (Statement lock = connection.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + historyTable + " (version INTEGER PRIMARY KEY, "
                    + "script VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        Map<Integer, String> applied = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, checksum FROM " + historyTable)) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getString(2));
            }
        }
        for (String script : scripts) {
            int version = Integer.parseInt(script.substring(1, script.indexOf("__")));
            String sql = read(owner, folder + script);
            String checksum = sha256(sql);
            if (applied.containsKey(version)) {
                if (!applied.get(version).equals(checksum)) {
                    throw new DatabaseException("Migration " + script + " was changed after it was applied to this "
                            + "database (checksum differs). Restore the original file; changes go into a new migration.", null);
                }
                continue;
            }
            try (Statement statement = connection.createStatement()) {
                for (String command : statements(sql, postgresql)) {
                    statement.execute(command);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + historyTable + " (version, script, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, script);
                insert.setString(3, checksum);
                insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            LOG.info("Applied schema migration {}", script);
        }
        int newest = scripts.size();
        if (applied.keySet().stream().anyMatch(version -> version > newest)) {
            throw new DatabaseException("The database schema is newer than this server (version "
                    + applied.keySet().stream().mapToInt(Integer::intValue).max().getAsInt() + " > " + newest
                    + "): run the newer server or restore a backup.", null);
        }
    }

    /** Statements end with ';' at the end of a line; '--' lines are comments. */
    static List<String> statements(String sql) {
        return statements(sql, true);
    }

    /**
     * As {@link #statements(String)}; lines between {@code -- postgresql only} and {@code -- end postgresql} are
     * left out on other databases (PL/pgSQL triggers the embedded database has no counterpart for).
     */
    static List<String> statements(String sql, boolean postgresql) {
        StringBuilder current = new StringBuilder();
        java.util.ArrayList<String> result = new java.util.ArrayList<>();
        boolean skipping = false;
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.equalsIgnoreCase("-- postgresql only")) {
                skipping = !postgresql;
                continue;
            }
            if (trimmed.equalsIgnoreCase("-- end postgresql")) {
                skipping = false;
                continue;
            }
            if (skipping || trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                result.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("migration ends without ';'");
        }
        return result;
    }

    private static String read(Class<?> owner, String script) {
        try (InputStream in = owner.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("migration " + script + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + script, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
