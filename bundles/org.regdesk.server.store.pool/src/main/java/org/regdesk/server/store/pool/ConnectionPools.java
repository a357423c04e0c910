package org.regdesk.server.store.pool;

import java.time.Duration;
import java.util.Objects;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Opens pooled {@link DataSource}s. Waiters park until a connection is returned (no spinning), a
 * connection is checked before it is handed out when it has been idle, is replaced after
 * {@link Settings#maxLifetime} (before the database or a firewall drops it), and one held longer than
 * {@link Settings#leakAfter} is logged with the stack of whoever took it.
 */
public final class ConnectionPools {

    private ConnectionPools() {
    }

    /** How a pool behaves; {@code name} appears in its log lines and thread names. */
    public record Settings(String name, int size, Duration waitAtMost, Duration maxLifetime, Duration leakAfter) {
        public Settings {
            Objects.requireNonNull(name, "name");
            if (size < 1) {
                throw new IllegalArgumentException("a pool needs at least one connection");
            }
        }
    }

    /** A pool whose connections come from {@code source} (a driver's own DataSource); close it to end them all. */
    public static Pool open(DataSource source, Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(settings.name());
        config.setDataSource(source);
        config.setMaximumPoolSize(settings.size());
        config.setMinimumIdle(Math.min(2, settings.size()));
        config.setConnectionTimeout(settings.waitAtMost().toMillis());
        config.setMaxLifetime(settings.maxLifetime().toMillis());
        config.setLeakDetectionThreshold(settings.leakAfter().toMillis());
        config.setAutoCommit(false);
        return new Pool(new HikariDataSource(config));
    }

    /** An open pool: a DataSource that can be closed. */
    public static final class Pool implements AutoCloseable {
        private final HikariDataSource pooled;

        private Pool(HikariDataSource pooled) {
            this.pooled = pooled;
        }

        public DataSource dataSource() {
            return pooled;
        }

        @Override
        public void close() {
            pooled.close();
        }
    }
}
