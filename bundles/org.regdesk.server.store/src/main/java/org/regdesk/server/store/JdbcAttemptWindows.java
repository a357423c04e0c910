package org.regdesk.server.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.regdesk.server.codes.internal.AttemptWindow;
import org.regdesk.server.codes.internal.AttemptWindows;
import org.regdesk.server.store.internal.Jdbc;

/**
 * Rate limits in the attempt_windows table, so every node of a cluster counts in the same window. Each
 * reservation is one conditional UPDATE (the row lock makes it atomic across nodes) committed at once
 * in its own transaction: a request that fails later keeps its attempt counted. The window is fixed,
 * starting at the first attempt after the previous one ended.
 */
public final class JdbcAttemptWindows implements AttemptWindows {

    /** The longest window in use; older rows count nothing and are cleared now and then. */
    private static final Duration LONGEST = Duration.ofDays(1);

    private final Database database;

    public JdbcAttemptWindows(Database database) {
        this.database = database;
    }

    @Override
    public AttemptWindow window(String scope, Duration window, int limit) {
        if (!scope.matches("[a-z0-9-]{1,40}") || window.compareTo(LONGEST) > 0 || limit < 1) {
            throw new IllegalArgumentException("limit " + scope + ": " + limit + " per " + window);
        }
        return new AttemptWindow() {
            @Override
            public Optional<Attempt> reserve(String key, Instant now) {
                String hash = hash(key);
                boolean taken = database.independentTransaction(connection -> {
                    if (ThreadLocalRandom.current().nextInt(1_000) == 0) {
                        clearOld(connection, now);
                    }
                    for (int round = 0; round < 2; round++) {
                        if (update(connection, "UPDATE attempt_windows SET used = used + 1 WHERE scope = ? AND key_hash = ? "
                                + "AND window_start > ? AND used < " + limit, scope, hash, now.minus(window))
                                || update(connection, "UPDATE attempt_windows SET used = 1, window_start = ? WHERE scope = ? "
                                        + "AND key_hash = ? AND window_start <= ?", now, scope, hash, now.minus(window))
                                || update(connection, "INSERT INTO attempt_windows (window_start, scope, key_hash, used) "
                                        + "VALUES (?, ?, ?, 1) ON CONFLICT DO NOTHING", now, scope, hash)) {
                            return true;
                        }
                        // nothing matched: either the window is full, or another node inserted the row just now
                    }
                    return false;
                });
                return taken ? Optional.of(new Attempt(key, now)) : Optional.empty();
            }

            @Override
            public void release(Attempt attempt) {
                // only in the window the attempt was counted in: one that began after it holds none of it
                database.independentTransaction(connection -> update(connection, "UPDATE attempt_windows SET used = used - 1 "
                        + "WHERE window_start <= ? AND scope = ? AND key_hash = ? AND used > 0", attempt.window(), scope,
                        hash(attempt.key())));
            }
        };
    }

    /** Runs a statement whose first parameter is an instant; true when it changed a row. */
    private static boolean update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Instant instant) {
                    Jdbc.setInstant(statement, i + 1, instant);
                } else {
                    statement.setString(i + 1, (String) parameters[i]);
                }
            }
            return statement.executeUpdate() > 0;
        }
    }

    private static void clearOld(Connection connection, Instant now) throws SQLException {
        update(connection, "DELETE FROM attempt_windows WHERE window_start < ?", now.minus(LONGEST));
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
