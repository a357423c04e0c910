package org.regdesk.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.regdesk.backend.api.Tckn;
import org.regdesk.server.store.internal.Jdbc;

/**
 * Desk sessions and the unblock authorizations handed out in them. State changes are compare-and-set
 * ({@code WHERE state = expected}), so two desks or a replayed request cannot both move one session.
 */
public final class DeskSessions {

    private final Database database;

    public DeskSessions(Database database) {
        this.database = database;
    }

    public void insert(DeskSessionRecord session) {
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO desk_sessions (id, citizen, purpose, kind, "
                    + "desk_id, operator, state, started_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, session.id());
                insert.setString(2, session.citizen().value());
                insert.setString(3, session.operation());
                insert.setString(4, session.kind());
                insert.setString(5, session.deskId());
                insert.setString(6, session.operator());
                insert.setString(7, session.state().name());
                Jdbc.setInstant(insert, 8, session.startedAt());
                Jdbc.setInstant(insert, 9, session.expiresAt());
                return insert.executeUpdate();
            }
        });
    }

    public Optional<DeskSessionRecord> find(String id) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM desk_sessions WHERE id = ?")) {
                select.setString(1, id);
                List<DeskSessionRecord> found = read(select);
                return found.stream().findFirst();
            }
        });
    }

    /** The citizen's most recent session for the operation, for the portal's status. */
    public Optional<DeskSessionRecord> latest(Tckn citizen, String operation) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM desk_sessions WHERE citizen = ? "
                    + "AND purpose = ? ORDER BY started_at DESC LIMIT 1")) {
                select.setString(1, citizen.value());
                select.setString(2, operation);
                return read(select).stream().findFirst();
            }
        });
    }

    private static List<DeskSessionRecord> read(PreparedStatement select) throws SQLException {
        List<DeskSessionRecord> sessions = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                sessions.add(new DeskSessionRecord(rows.getString("id"), new Tckn(rows.getString("citizen")),
                        rows.getString("purpose"), rows.getString("kind"), rows.getString("desk_id"),
                        rows.getString("operator"), SessionState.valueOf(rows.getString("state")), Jdbc.instant(rows, "started_at"),
                        Jdbc.instant(rows, "expires_at"), Jdbc.optionalInstant(rows, "otp_verified_at"),
                        Jdbc.optionalInstant(rows, "ended_at"), Optional.ofNullable(rows.getString("card_serial"))));
            }
        }
        return sessions;
    }

    /** Moves the session from {@code expected} to {@code next}; false if another request moved it first. */
    public boolean transition(String id, SessionState expected, SessionState next, Instant at, String cardSerial) {
        return database.transaction(connection -> {
            String timeColumn = next == SessionState.OTP_VERIFIED ? "otp_verified_at" : "ended_at";
            try (PreparedStatement update = connection.prepareStatement("UPDATE desk_sessions SET state = ?, " + timeColumn
                    + " = ?, card_serial = COALESCE(?, card_serial) WHERE id = ? AND state = ?")) {
                update.setString(1, next.name());
                Jdbc.setInstant(update, 2, at);
                update.setString(3, cardSerial);
                update.setString(4, id);
                update.setString(5, expected.name());
                return update.executeUpdate() == 1;
            }
        });
    }

    public void insertAuthorization(UnblockAuthorizationRecord authorization) {
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO unblock_authorizations (id, session_id, "
                    + "card_serial, kind, challenge_sha256, issued_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, authorization.id());
                insert.setString(2, authorization.sessionId());
                insert.setString(3, authorization.cardSerial());
                insert.setString(4, authorization.kind());
                insert.setString(5, authorization.challengeSha256());
                Jdbc.setInstant(insert, 6, authorization.issuedAt());
                return insert.executeUpdate();
            }
        });
    }

    public List<UnblockAuthorizationRecord> authorizations(String sessionId) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM unblock_authorizations WHERE session_id = ? ORDER BY issued_at")) {
                select.setString(1, sessionId);
                List<UnblockAuthorizationRecord> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new UnblockAuthorizationRecord(rows.getString("id"), rows.getString("session_id"),
                                rows.getString("card_serial"), rows.getString("kind"), rows.getString("challenge_sha256"),
                                Jdbc.instant(rows, "issued_at"), Optional.ofNullable(rows.getString("outcome"))));
                    }
                }
                return found;
            }
        });
    }

    /** Records the desk's report once; false if this authorization was already reported (replay). */
    public boolean completeAuthorization(String id, String outcome, Instant at) {
        return database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE unblock_authorizations SET outcome = ?, "
                    + "completed_at = ? WHERE id = ? AND outcome IS NULL")) {
                update.setString(1, outcome);
                Jdbc.setInstant(update, 2, at);
                update.setString(3, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** GIVEN, WITHDRAWN, or empty when the citizen never gave E-Onay. */
    public Optional<String> eOnayState(Tckn citizen) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT state FROM e_onay WHERE citizen = ?")) {
                select.setString(1, citizen.value());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }
}
