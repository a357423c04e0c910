package org.regdesk.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.regdesk.server.audit.internal.AuditRecord;
import org.regdesk.server.audit.internal.AuditStore;
import org.regdesk.server.audit.internal.AuditTrail;
import org.regdesk.server.store.internal.Jdbc;

/**
 * The audit chain in the audit_records table; the sequence number is the primary key, so forks fail.
 * Appends commit on their own at once, so the chain never references a record a rolled-back request took
 * with it, and a refused request's record stays.
 */
public final class JdbcAuditStore implements AuditStore {

    private final Database database;

    public JdbcAuditStore(Database database) {
        this.database = database;
    }

    @Override
    public Optional<AuditRecord> last() {
        return database.independentTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM audit_records ORDER BY sequence DESC LIMIT 1")) {
                return read(select).stream().findFirst();
            }
        });
    }

    @Override
    public void appendAll(List<AuditRecord> records) {
        try {
            database.independentTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_records (sequence, recorded_at, "
                        + "operator, desk, action, outcome, details, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (AuditRecord record : records) {
                        insert.setLong(1, record.sequence());
                        Jdbc.setInstant(insert, 2, record.time());
                        insert.setString(3, record.operator());
                        insert.setString(4, record.desk());
                        insert.setString(5, record.action());
                        insert.setString(6, record.outcome());
                        insert.setString(7, AuditTrail.detailsJson(record.details()));
                        insert.setString(8, record.previousHash());
                        insert.setString(9, record.hash());
                        insert.addBatch();
                    }
                    return insert.executeBatch();
                }
            });
        } catch (DatabaseException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                    throw new SequenceTaken(e); // integrity constraint: a sequence number exists
                }
            }
            throw e;
        }
    }

    @Override
    public List<AuditRecord> all() {
        return database.independentTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM audit_records ORDER BY sequence")) {
                return read(select);
            }
        });
    }

    private static List<AuditRecord> read(PreparedStatement select) throws SQLException {
        List<AuditRecord> records = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                records.add(new AuditRecord(rows.getLong("sequence"), Jdbc.instant(rows, "recorded_at"),
                        rows.getString("operator"), rows.getString("desk"), rows.getString("action"),
                        rows.getString("outcome"), AuditTrail.detailsFromJson(rows.getString("details")),
                        rows.getString("previous_hash"), rows.getString("hash")));
            }
        }
        return records;
    }
}
