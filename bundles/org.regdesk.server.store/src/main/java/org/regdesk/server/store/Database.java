package org.regdesk.server.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.regdesk.server.store.internal.SchemaMigrations;
import org.regdesk.server.store.pool.ConnectionPools;

/**
 * The open registry database: two connection pools (requests; writes that commit on their own),
 * migrated to the current schema before first use. Drivers are created directly, not through
 * DriverManager, which cannot see other bundles' drivers in OSGi.
 */
public final class Database implements AutoCloseable {

    /** Work inside one transaction: committed when it returns, rolled back when it throws. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A request's work: everything in it commits together, or nothing does. */
    @FunctionalInterface
    public interface Unit<T, E extends Exception> {
        T run() throws E;
    }

    /** One pool: connections that wait parked, are checked, replaced after 30 minutes, and reported when held over a minute. */
    private static ConnectionPools.Pool pool(String name, javax.sql.DataSource source, int size) {
        return ConnectionPools.open(source, new ConnectionPools.Settings(name, size, java.time.Duration.ofSeconds(10),
                java.time.Duration.ofMinutes(30), java.time.Duration.ofMinutes(1)));
    }

    private final ConnectionPools.Pool pool;
    /** The audit chain's own connections: its appends commit at once and in order, whatever the request does. */
    private final ConnectionPools.Pool independentPool;
    private final boolean postgresql;
    private final ThreadLocal<Connection> unitConnection = new ThreadLocal<>();
    /** What to do once the thread's unit has ended: called with true after a commit, false after a rollback. */
    private final ThreadLocal<java.util.List<java.util.function.Consumer<Boolean>>> unitEnded = new ThreadLocal<>();
    private final ThreadLocal<Connection> independentConnection = new ThreadLocal<>();

    /** Migrations run as the schema's owner when one is configured (PostgreSQL); then the server's role gets its grants. */
    private final java.util.Optional<Migrator> owner;

    /** Opens owner connections for migrations and grants the server's role what it needs afterwards. */
    private record Migrator(javax.sql.DataSource source, String applicationRole) {
    }

    private Database(ConnectionPools.Pool pool, ConnectionPools.Pool independentPool, boolean postgresql,
            java.util.Optional<Migrator> owner) {
        this.pool = pool;
        this.independentPool = independentPool;
        this.postgresql = postgresql;
        this.owner = owner;
    }

    public static Database open(DatabaseSettings settings) {
        return open(settings, java.util.Optional.empty());
    }

    /**
     * Opens the database and migrates it; with an {@code owner} (PostgreSQL only) the migrations run as that role and
     * the server's role ({@code settings.user()}) is granted reading and writing the tables, but only reading and
     * adding audit records.
     */
    public static Database open(DatabaseSettings settings, java.util.Optional<DatabaseOwner> owner) {
        if (owner.isPresent() && !settings.postgresql()) {
            throw new IllegalArgumentException("a separate owner role for migrations needs PostgreSQL");
        }
        javax.sql.DataSource source = source(settings, settings.user(), settings.password());
        java.util.Optional<Migrator> migrator = owner.map(role -> new Migrator(source(settings, role.user(), role.password()),
                settings.user()));
        Database database = new Database(pool("regdesk-requests", source, settings.maxConnections()),
                pool("regdesk-own-commits", source, Math.max(4, settings.maxConnections() / 4)), settings.postgresql(), migrator);
        try {
            database.migrating(SchemaMigrations::migrate);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    private static javax.sql.DataSource source(DatabaseSettings settings, String user, char[] password) {
        if (settings.postgresql()) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(settings.url());
            pg.setUser(user);
            pg.setPassword(new String(password));
            pg.setConnectTimeout(10);
            return pg;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(settings.url());
        h2.setUser(user);
        h2.setPassword(new String(password));
        return h2;
    }

    @FunctionalInterface
    private interface Migration {
        void run(Connection connection) throws SQLException;
    }

    /** Runs a migration in one transaction: as the owner (then re-grants the server's role), or on the pool. */
    private void migrating(Migration migration) {
        if (owner.isEmpty()) {
            transaction(connection -> {
                migration.run(connection);
                return null;
            });
            return;
        }
        try (Connection connection = owner.get().source().getConnection()) {
            connection.setAutoCommit(false);
            try {
                migration.run(connection);
                grantApplicationRole(connection, owner.get().applicationRole());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("Migration as the owner role failed: " + e.getMessage(), e);
        }
    }

    private static void grantApplicationRole(Connection connection, String role) throws SQLException {
        String quoted = "\"" + role.replace("\"", "\"\"") + "\"";
        try (java.sql.Statement statement = connection.createStatement()) {
            String schema;
            try (java.sql.ResultSet rows = statement.executeQuery("SELECT current_schema()")) {
                rows.next();
                schema = "\"" + rows.getString(1).replace("\"", "\"\"") + "\"";
            }
            statement.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + quoted);
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + quoted);
            statement.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + quoted);
            statement.execute("REVOKE UPDATE, DELETE, TRUNCATE ON audit_records FROM " + quoted);
        }
    }

    /**
     * Brings a module's own tables up to date (a plug-in bundle's schema, versioned apart from the core's
     * in the history table {@code <module>_schema_history}): {@code scripts} are {@code V<n>__<what>.sql}
     * files in {@code owner}'s bundle under {@code folder}, in order; applied files never change.
     */
    public void migrate(String module, Class<?> owner, String folder, java.util.List<String> scripts) {
        migrating(connection -> SchemaMigrations.migrate(connection, module + "_schema_history", owner, folder, scripts));
    }

    public boolean postgresql() {
        return postgresql;
    }

    /**
     * Runs work in a transaction; inside a {@link #unit} it joins the unit's transaction, so a request's
     * steps commit together (and cost one commit, not one per step).
     */
    public <T> T transaction(Work<T> work) {
        Connection joined = unitConnection.get();
        return joined != null ? joining(joined, work) : inOwnTransaction(pool, work);
    }

    /** Work on a transaction that is already open on this thread; it commits with that one. */
    private static <T> T joining(Connection open, Work<T> work) {
        try {
            return work.run(open);
        } catch (SQLException e) {
            throw new DatabaseException("Database operation failed: " + e.getMessage(), e);
        }
    }

    /**
     * Always its own, immediately committed transaction, also inside a unit: for the audit chain and for
     * counts that must stay when the request fails (rate limits, wrong SMS codes). Nested inside another
     * independent transaction it joins that one, so it never waits for a second connection.
     */
    public <T> T independentTransaction(Work<T> work) {
        Connection joined = independentConnection.get();
        if (joined != null) {
            return joining(joined, work);
        }
        return inOwnTransaction(independentPool, connection -> {
            independentConnection.set(connection);
            try {
                return work.run(connection);
            } finally {
                independentConnection.remove();
            }
        });
    }

    /**
     * Joins the transaction this thread has open, an independent one before the unit's, else runs its own: for work
     * that belongs with whatever decided it (giving back a rate-limit attempt when the step succeeded).
     */
    public <T> T currentTransaction(Work<T> work) {
        Connection independent = independentConnection.get();
        return independent != null ? joining(independent, work) : transaction(work);
    }

    /** True while this thread runs a {@link #unit}. */
    public boolean inUnit() {
        return unitConnection.get() != null;
    }

    /**
     * Inside a unit: {@code ended} runs once the unit has committed (true) or rolled back (false), after the
     * transaction, e.g. to record in the audit chain what a rolled-back request attempted.
     */
    public void afterUnit(java.util.function.Consumer<Boolean> ended) {
        java.util.List<java.util.function.Consumer<Boolean>> waiting = unitEnded.get();
        if (waiting == null) {
            throw new IllegalStateException("afterUnit outside a unit");
        }
        waiting.add(ended);
    }

    /** One transaction for everything the unit does through {@link #transaction}; any exception rolls it back. */
    public <T, E extends Exception> T unit(Unit<T, E> unit) throws E {
        if (unitConnection.get() != null) {
            return unit.run();
        }
        Connection connection;
        try {
            connection = pool.dataSource().getConnection();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new DatabaseException("No database connection: " + e.getMessage(), e);
        }
        unitConnection.set(connection);
        java.util.List<java.util.function.Consumer<Boolean>> ended = new java.util.ArrayList<>();
        unitEnded.set(ended);
        boolean committed = false;
        try {
            T result = unit.run();
            connection.commit();
            committed = true;
            return result;
        } catch (SQLException e) {
            rollback(connection);
            throw new DatabaseException("Database commit failed: " + e.getMessage(), e);
        } catch (Exception | Error e) {
            rollback(connection);
            throw e;
        } finally {
            unitConnection.remove();
            unitEnded.remove();
            try {
                connection.close();
            } catch (SQLException ignored) {
                // returning a connection to the pool does not fail in a way that matters here
            }
            for (java.util.function.Consumer<Boolean> then : ended) {
                then.accept(committed);
            }
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool drops it on close
        }
    }

    private static <T> T inOwnTransaction(ConnectionPools.Pool source, Work<T> work) {
        try (Connection connection = source.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("Database operation failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
        independentPool.close();
    }
}
