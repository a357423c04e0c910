package org.regdesk.server.desks.internal;

import java.security.cert.X509Certificate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.regdesk.server.http.DeskCertificates;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.internal.Jdbc;

/** The desk certificates recorded at enrolment, by fingerprint: which desk each belongs to and whether it was withdrawn. */
public final class EnrolledDesks {

    /** One enrolled certificate. */
    public record Enrolment(String fingerprint, String deskId, String issuer, String serial, Instant notAfter,
            Instant enrolledAt, Optional<Instant> revokedAt) {
    }

    private final Database database;
    private final Clock clock;

    public EnrolledDesks(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        database.migrate("desks", EnrolledDesks.class, "/db/desks/", List.of("V1__desk_certificates.sql"));
    }

    /**
     * Records the certificate as the desk's (creating the desk, named by its id, if the registry has none yet).
     *
     * @throws IllegalArgumentException when the certificate is already enrolled for another desk
     */
    public Enrolment enrol(String deskId, X509Certificate certificate, String location) {
        if (!deskId.matches("[A-Za-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("A desk id is 1-32 letters, digits or '-': " + deskId);
        }
        String fingerprint = DeskCertificates.fingerprint(certificate);
        Instant now = clock.instant();
        return database.transaction(connection -> {
            Optional<Enrolment> existing = find(connection, fingerprint);
            if (existing.isPresent()) {
                if (!existing.get().deskId().equals(deskId)) {
                    throw new IllegalArgumentException("this certificate is already enrolled for desk " + existing.get().deskId());
                }
                return existing.get();
            }
            try (PreparedStatement desk = connection.prepareStatement(
                    "INSERT INTO desks (id, name, location, active) SELECT ?, ?, ?, TRUE WHERE NOT EXISTS (SELECT 1 FROM desks WHERE id = ?)")) {
                desk.setString(1, deskId);
                desk.setString(2, deskId);
                desk.setString(3, location);
                desk.setString(4, deskId);
                desk.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO desk_certificates (fingerprint, desk_id, "
                    + "issuer, serial, not_after, enrolled_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, fingerprint);
                insert.setString(2, deskId);
                insert.setString(3, certificate.getIssuerX500Principal().getName());
                insert.setString(4, certificate.getSerialNumber().toString(16));
                Jdbc.setInstant(insert, 5, certificate.getNotAfter().toInstant());
                Jdbc.setInstant(insert, 6, now);
                insert.executeUpdate();
            }
            return find(connection, fingerprint).orElseThrow();
        });
    }

    /** Withdraws a certificate (a desk moved, a key lost): it is refused from the next request on. */
    public boolean revoke(String fingerprint) {
        Instant now = clock.instant();
        return database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE desk_certificates SET revoked_at = ? WHERE fingerprint = ? AND revoked_at IS NULL")) {
                Jdbc.setInstant(update, 1, now);
                update.setString(2, fingerprint.toLowerCase(java.util.Locale.ROOT).replace(":", ""));
                return update.executeUpdate() == 1;
            }
        });
    }

    public Optional<Enrolment> find(String fingerprint) {
        return database.transaction(connection -> find(connection, fingerprint));
    }

    public List<Enrolment> all() {
        return database.transaction(connection -> {
            List<Enrolment> all = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM desk_certificates ORDER BY desk_id, enrolled_at");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    all.add(enrolment(rows));
                }
            }
            return all;
        });
    }

    private static Optional<Enrolment> find(java.sql.Connection connection, String fingerprint) throws java.sql.SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM desk_certificates WHERE fingerprint = ?")) {
            select.setString(1, fingerprint);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(enrolment(rows)) : Optional.empty();
            }
        }
    }

    private static Enrolment enrolment(ResultSet rows) throws java.sql.SQLException {
        return new Enrolment(rows.getString("fingerprint"), rows.getString("desk_id"), rows.getString("issuer"),
                rows.getString("serial"), Jdbc.instant(rows, "not_after"), Jdbc.instant(rows, "enrolled_at"),
                Jdbc.optionalInstant(rows, "revoked_at"));
    }
}
