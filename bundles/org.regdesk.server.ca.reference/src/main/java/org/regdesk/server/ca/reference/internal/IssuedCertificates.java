package org.regdesk.server.ca.reference.internal;

import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.regdesk.server.ca.CertificateRecord;
import org.regdesk.server.ca.CertificateStatus;
import org.regdesk.server.ca.RevocationReason;
import org.regdesk.server.store.Database;

/** The reference CA's register of what it issued and each certificate's revocation state. */
final class IssuedCertificates {

    /** A status change, as CRLs and OCSP answers list it. */
    record Revoked(BigInteger serial, Instant at, int reason) {
    }

    static final List<String> MIGRATIONS = List.of("V1__reference_ca.sql");

    private static final String COLUMNS = "serial, holder_tckn, card_serial, key_type, not_before, not_after, status, revoked_at, reason";

    private final Database database;
    private final String caId;

    IssuedCertificates(Database database, String caId) {
        this.database = database;
        this.caId = caId;
        database.migrate("reference_ca", IssuedCertificates.class, "/db/ca/", MIGRATIONS);
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ca_state (ca_id, revision, crl_number) "
                    + "SELECT ?, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM ca_state WHERE ca_id = ?)")) {
                insert.setString(1, caId);
                insert.setString(2, caId);
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Records an issued certificate once; false when its serial is already on record. Committed at once,
     * apart from the request that noticed it: an issuance is the CA's fact, not the desk step's.
     */
    boolean record(X509Certificate certificate, String holderTckn, String cardSerial) throws CertificateEncodingException {
        String encoded = Base64.getEncoder().encodeToString(certificate.getEncoded());
        return database.independentTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ca_certificates (ca_id, " + COLUMNS
                    + ", certificate) SELECT ?, ?, ?, ?, ?, ?, ?, 'VALID', NULL, NULL, ? "
                    + "WHERE NOT EXISTS (SELECT 1 FROM ca_certificates WHERE ca_id = ? AND serial = ?)")) {
                String serial = hex(certificate.getSerialNumber());
                insert.setString(1, caId);
                insert.setString(2, serial);
                insert.setString(3, holderTckn);
                insert.setString(4, cardSerial);
                insert.setString(5, keyType(certificate));
                insert.setObject(6, utc(certificate.getNotBefore().toInstant()));
                insert.setObject(7, utc(certificate.getNotAfter().toInstant()));
                insert.setString(8, encoded);
                insert.setString(9, caId);
                insert.setString(10, serial);
                return insert.executeUpdate() == 1;
            }
        });
    }

    List<CertificateRecord> ofHolder(String tckn, Instant now) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ca_certificates "
                    + "WHERE ca_id = ? AND holder_tckn = ? ORDER BY not_before DESC, serial")) {
                select.setString(1, caId);
                select.setString(2, tckn);
                return read(select, now);
            }
        });
    }

    Optional<CertificateRecord> find(BigInteger serial, Instant now) {
        return database.transaction(connection -> find(connection, serial, now));
    }

    private Optional<CertificateRecord> find(Connection connection, BigInteger serial, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ca_certificates "
                + "WHERE ca_id = ? AND serial = ?")) {
            select.setString(1, caId);
            select.setString(2, hex(serial));
            return read(select, now).stream().findFirst();
        }
    }

    /**
     * Moves a certificate from one stored state to another and bumps the CA's revision, in one
     * transaction; false when it was not in {@code from} (another request changed it first).
     */
    boolean change(BigInteger serial, String from, String to, Instant at, Integer reason) {
        return database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE ca_certificates SET status = ?, revoked_at = ?, "
                    + "reason = ? WHERE ca_id = ? AND serial = ? AND status = ?")) {
                update.setString(1, to);
                update.setObject(2, at == null ? null : utc(at));
                if (reason == null) {
                    update.setNull(3, java.sql.Types.INTEGER);
                } else {
                    update.setInt(3, reason);
                }
                update.setString(4, caId);
                update.setString(5, hex(serial));
                update.setString(6, from);
                if (update.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement bump = connection.prepareStatement("UPDATE ca_state SET revision = revision + 1 WHERE ca_id = ?")) {
                bump.setString(1, caId);
                bump.executeUpdate();
            }
            return true;
        });
    }

    long revision() {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT revision FROM ca_state WHERE ca_id = ?")) {
                select.setString(1, caId);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /** What the next CRL lists (on hold and revoked, not yet expired), its CRL number and the revision it reflects. */
    record CrlContent(long crlNumber, long revision, List<Revoked> entries) {
    }

    CrlContent nextCrl(Instant now) {
        return database.transaction(connection -> {
            try (PreparedStatement bump = connection.prepareStatement("UPDATE ca_state SET crl_number = crl_number + 1 WHERE ca_id = ?")) {
                bump.setString(1, caId);
                bump.executeUpdate();
            }
            long number;
            long revision;
            try (PreparedStatement select = connection.prepareStatement("SELECT crl_number, revision FROM ca_state WHERE ca_id = ?")) {
                select.setString(1, caId);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    number = rows.getLong(1);
                    revision = rows.getLong(2);
                }
            }
            List<Revoked> entries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT serial, revoked_at, reason FROM ca_certificates "
                    + "WHERE ca_id = ? AND status IN ('ON_HOLD', 'REVOKED') AND not_after > ?")) {
                select.setString(1, caId);
                select.setObject(2, utc(now));
                select.setFetchSize(1000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new Revoked(new BigInteger(rows.getString(1), 16),
                                rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getInt(3)));
                    }
                }
            }
            return new CrlContent(number, revision, entries);
        });
    }

    private List<CertificateRecord> read(PreparedStatement select, Instant now) throws SQLException {
        List<CertificateRecord> records = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Instant notAfter = rows.getObject("not_after", OffsetDateTime.class).toInstant();
                String stored = rows.getString("status");
                CertificateStatus status = "REVOKED".equals(stored) ? CertificateStatus.REVOKED
                        : notAfter.isBefore(now) ? CertificateStatus.EXPIRED
                                : "ON_HOLD".equals(stored) ? CertificateStatus.ON_HOLD : CertificateStatus.VALID;
                OffsetDateTime revokedAt = rows.getObject("revoked_at", OffsetDateTime.class);
                int reason = rows.getInt("reason");
                Optional<RevocationReason> why = rows.wasNull() ? Optional.empty() : RevocationReason.of(reason);
                records.add(new CertificateRecord(new BigInteger(rows.getString("serial"), 16), caId, rows.getString("holder_tckn"),
                        rows.getString("card_serial"), rows.getString("key_type"),
                        rows.getObject("not_before", OffsetDateTime.class).toInstant(), notAfter, status,
                        Optional.ofNullable(revokedAt).map(OffsetDateTime::toInstant), why));
            }
        }
        return records;
    }

    /** Stored state of a record (EXPIRED is computed, not stored). */
    static String stored(CertificateRecord record) {
        return switch (record.status()) {
        case VALID -> "VALID";
        case ON_HOLD -> "ON_HOLD";
        case REVOKED -> "REVOKED";
        case EXPIRED -> record.reason().isEmpty() ? "VALID"
                : record.reason().get() == RevocationReason.CERTIFICATE_HOLD ? "ON_HOLD" : "REVOKED";
        };
    }

    static String hex(BigInteger serial) {
        return serial.toString(16).toUpperCase(Locale.ROOT);
    }

    static String keyType(X509Certificate certificate) {
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
            return "RSA-" + rsa.getModulus().bitLength();
        }
        if (certificate.getPublicKey() instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize() == 256 ? "EC P-256"
                    : "EC " + ec.getParams().getCurve().getField().getFieldSize();
        }
        return certificate.getPublicKey().getAlgorithm();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
