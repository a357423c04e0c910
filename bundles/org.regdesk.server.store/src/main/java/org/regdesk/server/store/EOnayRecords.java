package org.regdesk.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.regdesk.backend.api.Tckn;
import org.regdesk.server.store.internal.Jdbc;

/**
 * Signed E-Onay records, the citizen's current status (the newest record decides: GIVEN after a
 * consent, WITHDRAWN after a withdrawal) and the certificate applications that rest on a consent.
 */
public final class EOnayRecords {

    private final Database database;

    public EOnayRecords(Database database) {
        this.database = database;
    }

    public boolean signatureKnown(String signatureSha256) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM e_onay_records WHERE signature_sha256 = ?")) {
                select.setString(1, signatureSha256);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** Stores the record and makes it the citizen's status. */
    public void record(EOnayRecord record) {
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO e_onay_records (id, citizen, kind, "
                    + "text_version, session_id, certificate_serial, certificate_issuer, read_at, signing_time, recorded_at, "
                    + "signature_sha256, cms_base64) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, record.id());
                insert.setString(2, record.citizen().value());
                insert.setString(3, record.kind());
                insert.setInt(4, record.textVersion());
                insert.setString(5, record.sessionId());
                insert.setString(6, record.certificateSerial());
                insert.setString(7, record.certificateIssuer());
                Jdbc.setInstant(insert, 8, record.readAt());
                Jdbc.setInstant(insert, 9, record.signingTime());
                Jdbc.setInstant(insert, 10, record.recordedAt());
                insert.setString(11, record.signatureSha256());
                insert.setString(12, record.cmsBase64());
                insert.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM e_onay WHERE citizen = ?")) {
                delete.setString(1, record.citizen().value());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO e_onay (citizen, state, recorded_at, record_id) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, record.citizen().value());
                insert.setString(2, "CONSENT".equals(record.kind()) ? "GIVEN" : "WITHDRAWN");
                Jdbc.setInstant(insert, 3, record.recordedAt());
                insert.setString(4, record.id());
                return insert.executeUpdate();
            }
        });
    }

    /** The record behind the citizen's current status, if any. */
    public Optional<EOnayRecord> current(Tckn citizen) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT r.* FROM e_onay s JOIN e_onay_records r "
                    + "ON r.id = s.record_id WHERE s.citizen = ?")) {
                select.setString(1, citizen.value());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(record(rows)) : Optional.<EOnayRecord>empty();
                }
            }
        });
    }

    public void insertApplication(CertificateApplicationRecord application) {
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO certificate_applications (id, citizen, "
                    + "kind, e_onay_record, current_card, current_not_after, ready_at, created_at, desk_id, operator) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, application.id());
                insert.setString(2, application.citizen().value());
                insert.setString(3, application.kind());
                insert.setString(4, application.eOnayRecord());
                insert.setString(5, application.currentCard().orElse(null));
                Jdbc.setInstant(insert, 6, application.currentNotAfter().orElse(null));
                Jdbc.setInstant(insert, 7, application.readyAt());
                Jdbc.setInstant(insert, 8, application.createdAt());
                insert.setString(9, application.deskId());
                insert.setString(10, application.operator());
                return insert.executeUpdate();
            }
        });
    }

    /** The queue, the soonest ready first. */
    /** The queue, first ready first: of one desk, or of every desk when {@code desk} is empty. */
    public List<CertificateApplicationRecord> applications(Optional<String> desk, int limit) {
        return database.transaction(connection -> applications(connection, desk, limit));
    }

    private static List<CertificateApplicationRecord> applications(Connection connection, Optional<String> desk, int limit)
            throws SQLException {
        List<CertificateApplicationRecord> queue = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM certificate_applications"
                + (desk.isPresent() ? " WHERE desk_id = ?" : "") + " ORDER BY ready_at, created_at, id LIMIT ?")) {
            int parameter = 1;
            if (desk.isPresent()) {
                select.setString(parameter++, desk.get());
            }
            select.setInt(parameter, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    queue.add(new CertificateApplicationRecord(rows.getString("id"), new Tckn(rows.getString("citizen")),
                            rows.getString("kind"), rows.getString("e_onay_record"), Optional.ofNullable(rows.getString("current_card")),
                            Jdbc.optionalInstant(rows, "current_not_after"), Jdbc.instant(rows, "ready_at"),
                            Jdbc.instant(rows, "created_at"), rows.getString("desk_id"), rows.getString("operator")));
                }
            }
        }
        return queue;
    }

    private static EOnayRecord record(ResultSet rows) throws SQLException {
        return new EOnayRecord(rows.getString("id"), new Tckn(rows.getString("citizen")), rows.getString("kind"),
                rows.getInt("text_version"), rows.getString("session_id"), rows.getString("certificate_serial"),
                rows.getString("certificate_issuer"), Jdbc.instant(rows, "read_at"), Jdbc.instant(rows, "signing_time"),
                Jdbc.instant(rows, "recorded_at"), rows.getString("signature_sha256"), rows.getString("cms_base64"));
    }
}
