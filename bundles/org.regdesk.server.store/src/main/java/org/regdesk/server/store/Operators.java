package org.regdesk.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

import org.regdesk.server.store.internal.Jdbc;

/** Operator accounts, desks, and signed-in operator sessions (bearer tokens stored as hashes). */
public final class Operators {

    private final Database database;

    public Operators(Database database) {
        this.database = database;
    }

    public Optional<Operator> find(String username) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM operators WHERE username = ?")) {
                select.setString(1, username);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(operator(rows)) : Optional.<Operator>empty();
                }
            }
        });
    }

    private static Operator operator(ResultSet rows) throws java.sql.SQLException {
        return new Operator(rows.getString("username"), rows.getString("display_name"),
                Operator.Role.valueOf(rows.getString("role")), rows.getString("password_hash"), rows.getBoolean("active"));
    }

    public void insert(Operator operator) {
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO operators (username, display_name, role, "
                    + "password_hash, active) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, operator.username());
                insert.setString(2, operator.displayName());
                insert.setString(3, operator.role().name());
                insert.setString(4, operator.passwordHash());
                insert.setBoolean(5, operator.active());
                return insert.executeUpdate();
            }
        });
    }

    public Optional<Desk> desk(String id) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM desks WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(new Desk(rows.getString("id"), rows.getString("name"),
                            rows.getString("location"), rows.getBoolean("active"))) : Optional.<Desk>empty();
                }
            }
        });
    }

    public void insertDesk(Desk desk) {
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO desks (id, name, location, active) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, desk.id());
                insert.setString(2, desk.name());
                insert.setString(3, desk.location());
                insert.setBoolean(4, desk.active());
                return insert.executeUpdate();
            }
        });
    }

    public void startSession(String tokenHash, String username, String deskId, Instant now, Instant expiresAt) {
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO operator_sessions (token_hash, username, "
                    + "desk_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, tokenHash);
                insert.setString(2, username);
                insert.setString(3, deskId);
                Jdbc.setInstant(insert, 4, now);
                Jdbc.setInstant(insert, 5, expiresAt);
                return insert.executeUpdate();
            }
        });
    }

    public Optional<OperatorSession> session(String tokenHash) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT s.desk_id, s.expires_at, s.ended_at, "
                    + "d.active AS desk_active, o.* FROM operator_sessions s JOIN operators o ON o.username = s.username "
                    + "JOIN desks d ON d.id = s.desk_id WHERE s.token_hash = ?")) {
                select.setString(1, tokenHash);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<OperatorSession>empty();
                    }
                    return Optional.of(new OperatorSession(tokenHash, operator(rows), rows.getString("desk_id"),
                            rows.getBoolean("desk_active"), Jdbc.instant(rows, "expires_at"), Jdbc.instant(rows, "ended_at") != null));
                }
            }
        });
    }

    public void endSession(String tokenHash, Instant now) {
        database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE operator_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL")) {
                Jdbc.setInstant(update, 1, now);
                update.setString(2, tokenHash);
                return update.executeUpdate();
            }
        });
    }
}
