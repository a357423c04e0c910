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
import java.util.List;
import java.util.Optional;

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
        return windowWithPauses(scope, window, java.util.Collections.nCopies(limit, Duration.ZERO));
    }

    @Override
    public AttemptWindow windowWithPauses(String scope, Duration window, List<Duration> pauses) {
        int limit = pauses.size();
        if (!scope.matches("[a-z0-9-]{1,40}") || window.compareTo(LONGEST) > 0 || limit < 1) {
            throw new IllegalArgumentException("limit " + scope + ": " + limit + " per " + window);
        }
        boolean paused = pauses.stream().anyMatch(pause -> !pause.isZero());
        // "the window began long enough ago for the attempt it would be": one parameter per count
        String pauseOver = paused ? " AND window_start <= CASE used" + " WHEN ? THEN ?".repeat(limit) + " END" : "";
        return new AttemptWindow() {
            @Override
            public Optional<Attempt> reserve(String key, Instant now) {
                String hash = hash(key);
                boolean taken = database.independentTransaction(connection -> {
                    Jdbc.nowAndThenDelete(connection, "attempt_windows", "window_start", now.minus(LONGEST), 1_000);
                    for (int round = 0; round < 2; round++) {
                        List<Object> countIt = new java.util.ArrayList<>(List.of(scope, hash, now.minus(window)));
                        for (int used = 0; paused && used < limit; used++) {
                            countIt.add(used);
                            countIt.add(now.minus(pauses.get(used)));
                        }
                        if (update(connection, "UPDATE attempt_windows SET used = used + 1 WHERE scope = ? AND key_hash = ? "
                                + "AND window_start > ? AND used < " + limit + pauseOver, countIt.toArray())
                                || update(connection, "UPDATE attempt_windows SET used = 1, window_start = ? WHERE scope = ? "
                                        + "AND key_hash = ? AND window_start <= ?", now, scope, hash, now.minus(window))
                                || update(connection, "INSERT INTO attempt_windows (window_start, scope, key_hash, used) "
                                        + "VALUES (?, ?, ?, 1) ON CONFLICT DO NOTHING", now, scope, hash)) {
                            return true;
                        }
                        // nothing matched: the window is full or pausing, or another node inserted the row just now
                    }
                    return false;
                });
                return taken ? Optional.of(new Attempt(key, now)) : Optional.empty();
            }

            @Override
            public void release(Attempt attempt) {
                database.independentTransaction(connection -> giveBack(connection, attempt));
            }

            @Override
            public void releaseOnCommit(Attempt attempt) {
                database.currentTransaction(connection -> giveBack(connection, attempt));
            }

            /** Only in the window the attempt was counted in: one that began after it holds none of it. */
            private boolean giveBack(Connection connection, Attempt attempt) throws SQLException {
                return update(connection, "UPDATE attempt_windows SET used = used - 1 WHERE window_start <= ? AND scope = ? "
                        + "AND key_hash = ? AND used > 0", attempt.window(), scope, hash(attempt.key()));
            }

            @Override
            public Optional<Duration> waitFor(String key, Instant now) {
                return database.independentTransaction(connection -> {
                    try (PreparedStatement select = connection.prepareStatement(
                            "SELECT used, window_start FROM attempt_windows WHERE scope = ? AND key_hash = ?")) {
                        select.setString(1, scope);
                        select.setString(2, hash(key));
                        try (java.sql.ResultSet rows = select.executeQuery()) {
                            if (!rows.next()) {
                                return Optional.<Duration>empty();
                            }
                            int used = rows.getInt("used");
                            Instant start = Jdbc.instant(rows, "window_start");
                            Instant free = !start.plus(window).isAfter(now) ? now
                                    : used >= limit ? start.plus(window) : start.plus(pauses.get(used));
                            return free.isAfter(now) ? Optional.of(Duration.between(now, free)) : Optional.<Duration>empty();
                        }
                    }
                });
            }
        };
    }

    /** Runs a statement with instants, numbers and strings as parameters; true when it changed a row. */
    private static boolean update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Instant instant) {
                    Jdbc.setInstant(statement, i + 1, instant);
                } else if (parameters[i] instanceof Integer number) {
                    statement.setInt(i + 1, number);
                } else {
                    statement.setString(i + 1, (String) parameters[i]);
                }
            }
            return statement.executeUpdate() > 0;
        }
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
