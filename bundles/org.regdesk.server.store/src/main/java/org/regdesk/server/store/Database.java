package org.regdesk.server.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.regdesk.server.store.internal.SchemaMigrations;

/**
 * The open registry database: a connection pool, migrated to the current schema before first use.
 * H2's small pool serves both databases (it pools any {@link ConnectionPoolDataSource}); drivers are
 * created directly, not through DriverManager, which cannot see other bundles' drivers in OSGi.
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

    private final JdbcConnectionPool pool;
    /** The audit chain's own connections: its appends commit at once and in order, whatever the request does. */
    private final JdbcConnectionPool independentPool;
    private final boolean postgresql;
    private final ThreadLocal<Connection> unitConnection = new ThreadLocal<>();

    private Database(JdbcConnectionPool pool, JdbcConnectionPool independentPool, boolean postgresql) {
        this.pool = pool;
        this.independentPool = independentPool;
        this.postgresql = postgresql;
    }

    public static Database open(DatabaseSettings settings) {
        ConnectionPoolDataSource source;
        if (settings.postgresql()) {
            PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
            pg.setURL(settings.url());
            pg.setUser(settings.user());
            pg.setPassword(new String(settings.password()));
            pg.setConnectTimeout(10);
            source = pg;
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(settings.url());
            h2.setUser(settings.user());
            h2.setPassword(new String(settings.password()));
            source = h2;
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(settings.maxConnections());
        pool.setLoginTimeout(10);
        JdbcConnectionPool independentPool = JdbcConnectionPool.create(source);
        independentPool.setMaxConnections(2);
        independentPool.setLoginTimeout(10);
        Database database = new Database(pool, independentPool, settings.postgresql());
        try {
            database.transaction(connection -> {
                SchemaMigrations.migrate(connection);
                return null;
            });
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    public DataSource dataSource() {
        return pool;
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
        if (joined != null) {
            try {
                return work.run(joined);
            } catch (SQLException e) {
                throw new DatabaseException("Database operation failed: " + e.getMessage(), e);
            }
        }
        return inOwnTransaction(pool, work);
    }

    /** Always its own, immediately committed transaction, also inside a unit: for the audit chain. */
    public <T> T independentTransaction(Work<T> work) {
        return inOwnTransaction(independentPool, work);
    }

    /** One transaction for everything the unit does through {@link #transaction}; any exception rolls it back. */
    public <T, E extends Exception> T unit(Unit<T, E> unit) throws E {
        if (unitConnection.get() != null) {
            return unit.run();
        }
        Connection connection;
        try {
            connection = pool.getConnection();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new DatabaseException("No database connection: " + e.getMessage(), e);
        }
        unitConnection.set(connection);
        try {
            T result = unit.run();
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback(connection);
            throw new DatabaseException("Database commit failed: " + e.getMessage(), e);
        } catch (Exception | Error e) {
            rollback(connection);
            throw e;
        } finally {
            unitConnection.remove();
            try {
                connection.close();
            } catch (SQLException ignored) {
                // returning a connection to the pool does not fail in a way that matters here
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

    private static <T> T inOwnTransaction(JdbcConnectionPool source, Work<T> work) {
        try (Connection connection = source.getConnection()) {
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
        pool.dispose();
        independentPool.dispose();
    }
}
