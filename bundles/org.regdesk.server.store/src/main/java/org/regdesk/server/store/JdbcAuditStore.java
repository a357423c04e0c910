package org.regdesk.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.regdesk.server.audit.internal.AuditRecord;
import org.regdesk.server.audit.internal.AuditSeal;
import org.regdesk.server.audit.internal.AuditStore;
import org.regdesk.server.audit.internal.AuditTrail;
import org.regdesk.server.store.internal.Jdbc;

/**
 * The audit chain in the audit_records table; the sequence number is the primary key, so forks fail.
 * Appends commit on their own at once, so the chain never references a record a rolled-back request took
 * with it, and a refused request's record stays.
 */
public final class JdbcAuditStore implements AuditStore {

    /** The advisory lock key of the audit chain ("RD" "AU" in ASCII). */
    private static final long CHAIN_LOCK = 0x5244_4155L;
    private static final String NEWEST = "SELECT * FROM audit_records ORDER BY sequence DESC LIMIT 1";

    private final Database database;
    /** Seals the records drained from the outbox as the trail seals its own. */
    private final AuditSeal seal;

    public JdbcAuditStore(Database database, AuditSeal seal) {
        this.database = database;
        this.seal = seal;
    }

    /**
     * On PostgreSQL the chain lock is a transaction-level advisory lock every node takes before it reads
     * the head; the embedded database has one process, whose audit trail writes one batch at a time.
     */
    @Override
    public List<AuditRecord> appendLinked(Function<Optional<AuditRecord>, List<AuditRecord>> link) {
        return database.independentTransaction(connection -> {
            if (database.postgresql()) {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ")")) {
                    lock.execute();
                }
            }
            Optional<AuditRecord> head;
            try (PreparedStatement select = connection.prepareStatement(NEWEST)) {
                head = read(select).stream().findFirst();
            }
            // requests' records waiting outside the chain go first: they committed before this batch was asked for
            List<Long> held = new ArrayList<>();
            List<AuditRecord> waiting = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM audit_outbox ORDER BY id LIMIT 5000");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    held.add(rows.getLong("id"));
                    waiting.add(new AuditRecord(0, Jdbc.instant(rows, "recorded_at"), rows.getString("operator"),
                            rows.getString("desk"), rows.getString("action"), rows.getString("outcome"),
                            AuditTrail.detailsFromJson(rows.getString("details")), "", ""));
                }
            }
            List<AuditRecord> drained = AuditTrail.linkRecords(seal, head, waiting);
            List<AuditRecord> records = link.apply(drained.isEmpty() ? head : Optional.of(drained.get(drained.size() - 1)));
            if (!held.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_outbox WHERE id = ?")) {
                    for (long id : held) {
                        delete.setLong(1, id);
                        delete.addBatch();
                    }
                    delete.executeBatch();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_records (sequence, recorded_at, "
                    + "operator, desk, action, outcome, details, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditRecord record : java.util.stream.Stream.concat(drained.stream(), records.stream()).toList()) {
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
                insert.executeBatch();
            }
            return records;
        });
    }

    /**
     * Keeps a record of the running request outside the chain, in the request's transaction: it commits
     * with the request's changes and reaches the chain with the next write ({@link AuditTrail#flush}).
     */
    public void hold(String operator, String desk, String action, String outcome, java.util.Map<String, String> details,
            java.time.Instant time) {
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_outbox (recorded_at, operator, desk, "
                    + "action, outcome, details) VALUES (?, ?, ?, ?, ?, ?)")) {
                Jdbc.setInstant(insert, 1, time.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
                insert.setString(2, operator);
                insert.setString(3, desk);
                insert.setString(4, action);
                insert.setString(5, outcome);
                insert.setString(6, AuditTrail.detailsJson(details));
                return insert.executeUpdate();
            }
        });
    }

    /** The newest record of the chain, if any. */
    public Optional<AuditRecord> head() {
        return database.independentTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(NEWEST)) {
                return read(select).stream().findFirst();
            }
        });
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
