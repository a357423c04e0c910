package org.regdesk.server.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Instants in and out of TIMESTAMP WITH TIME ZONE columns, the same on H2 and PostgreSQL. */
public final class Jdbc {

    private Jdbc() {
    }

    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    public static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * Clears rows whose {@code column} is older than {@code before} in one call out of {@code oneIn}: tables of
     * short-lived state (limits, SMS codes, answers, portal sessions) stay small without a scheduler.
     */
    public static void nowAndThenDelete(java.sql.Connection connection, String table, String column, Instant before, int oneIn)
            throws SQLException {
        if (java.util.concurrent.ThreadLocalRandom.current().nextInt(oneIn) != 0) {
            return;
        }
        if (!table.matches("[a-z_]{1,40}") || !column.matches("[a-z_]{1,40}")) {
            throw new IllegalArgumentException(table + "." + column);
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE " + column + " < ?")) {
            setInstant(delete, 1, before);
            delete.executeUpdate();
        }
    }

    public static Optional<Instant> optionalInstant(ResultSet rows, String column) throws SQLException {
        return Optional.ofNullable(instant(rows, column));
    }
}
