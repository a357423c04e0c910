package org.regdesk.server.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.regdesk.server.store.internal.Jdbc;

/**
 * Operators' own cards: each certificate enrolled for one operator account by its SHA-256 fingerprint, and the
 * single-use sign-in challenges desks asked for (stored as SHA-256, bound to the desk).
 */
public final class OperatorCards {

    /** An enrolled card certificate: whose it is, and whether it was withdrawn. */
    public record Enrolled(String fingerprint, String username, Instant notAfter, boolean revoked) {
    }

    private final Database database;

    public OperatorCards(Database database) {
        this.database = database;
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalArgumentException("a certificate that cannot be encoded", e);
        }
    }

    /** Enrols the certificate for the operator; enrolling it again (for anyone) is refused by the primary key. */
    public Enrolled enrol(String username, X509Certificate certificate, Instant now) {
        String fingerprint = fingerprint(certificate);
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO operator_certificates (fingerprint, username, "
                    + "subject, not_after, enrolled_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, fingerprint);
                insert.setString(2, username);
                insert.setString(3, certificate.getSubjectX500Principal().getName());
                Jdbc.setInstant(insert, 4, certificate.getNotAfter().toInstant());
                Jdbc.setInstant(insert, 5, now);
                return insert.executeUpdate();
            }
        });
        return new Enrolled(fingerprint, username, certificate.getNotAfter().toInstant(), false);
    }

    /** Withdraws a card certificate (a card lost, an operator leaving); false when none is enrolled under it. */
    public boolean revoke(String fingerprint, Instant now) {
        return database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE operator_certificates SET revoked_at = ? WHERE fingerprint = ? AND revoked_at IS NULL")) {
                Jdbc.setInstant(update, 1, now);
                update.setString(2, fingerprint);
                return update.executeUpdate() == 1;
            }
        });
    }

    public Optional<Enrolled> find(String fingerprint) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM operator_certificates WHERE fingerprint = ?")) {
                select.setString(1, fingerprint);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(new Enrolled(fingerprint, rows.getString("username"),
                            Jdbc.instant(rows, "not_after"), Jdbc.instant(rows, "revoked_at") != null)) : Optional.<Enrolled>empty();
                }
            }
        });
    }

    /** Keeps a challenge for the desk until {@code expires}. */
    public void challenge(String challengeHash, String deskId, Instant now, Instant expires) {
        database.transaction(connection -> {
            Jdbc.nowAndThenDelete(connection, "operator_challenges", "expires_at", now, 100);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO operator_challenges (challenge_hash, desk_id, expires_at) VALUES (?, ?, ?)")) {
                insert.setString(1, challengeHash);
                insert.setString(2, deskId);
                Jdbc.setInstant(insert, 3, expires);
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Uses the desk's challenge up: true once, while it is valid, and only for the desk that asked for it. Its own
     * transaction: a sign-in refused later does not give the challenge back.
     */
    public boolean takeChallenge(String challengeHash, String deskId, Instant now) {
        return database.independentTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM operator_challenges WHERE challenge_hash = ? AND desk_id = ? AND expires_at > ?")) {
                delete.setString(1, challengeHash);
                delete.setString(2, deskId);
                Jdbc.setInstant(delete, 3, now);
                return delete.executeUpdate() == 1;
            }
        });
    }
}
