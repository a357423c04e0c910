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

    private final JdbcConnectionPool pool;
    private final boolean postgresql;

    private Database(JdbcConnectionPool pool, boolean postgresql) {
        this.pool = pool;
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
        Database database = new Database(pool, settings.postgresql());
        try {
            database.transaction(connection -> {
                SchemaMigrations.migrate(connection);
                return null;
            });
        } catch (RuntimeException e) {
            pool.dispose();
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

    public <T> T transaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
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
    }
}
