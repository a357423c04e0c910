package org.regdesk.server.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The append-only audit trail: every record carries SHA-256 over its content and the previous hash.
 * {@link #verify()} walks the chain and names the first record that does not fit. An {@link AuditStore}
 * keeps it: the audit_records table in the server.
 */
public final class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    /** Sorted keys, no whitespace: the same record always hashes the same. */
    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Clock clock;
    private final AuditStore store;
    /** Guards the head of the chain and the open batch. */
    private final Object chain = new Object();
    /** Held by the one thread writing a batch; batches are written in chain order. */
    private final Object writer = new Object();
    private AuditRecord last;
    private Batch open = new Batch();

    /** Records appended together: written in one transaction by whichever of their threads gets there first. */
    private static final class Batch {
        final List<AuditRecord> records = new ArrayList<>();
        /** null while waiting; true when durable; false when it failed (its threads start again). */
        volatile Boolean written;
    }

    public AuditTrail(Clock clock) {
        this(clock, new InMemoryAuditStore());
    }

    public AuditTrail(Clock clock, AuditStore store) {
        this.clock = clock;
        this.store = store;
    }

    /**
     * Appends a record and returns once it is stored; aborted and failed steps are recorded like
     * successful ones. Group commit: concurrent callers chain their records in memory (in order), and
     * the first of them to reach the store writes all that are waiting in one transaction, so one
     * commit serves many requests. A failed write (another server appended, the database went away)
     * discards the records chained after the last stored one and their callers chain again. Times are
     * kept to the millisecond so a record read back from any database hashes the same.
     */
    public AuditRecord append(String operator, String desk, String action, String outcome, Map<String, String> details) {
        for (int attempt = 1;; attempt++) {
            AuditRecord record;
            Batch mine;
            synchronized (chain) {
                if (last == null) {
                    last = store.last().orElse(null);
                }
                String previous = last == null ? GENESIS : last.hash();
                long sequence = last == null ? 1 : last.sequence() + 1;
                java.time.Instant time = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                AuditRecord unsigned = new AuditRecord(sequence, time, operator, desk, action, outcome, details, previous, "");
                record = new AuditRecord(sequence, time, operator, desk, action, outcome, details, previous, hash(unsigned));
                last = record;
                mine = open;
                mine.records.add(record);
            }
            synchronized (writer) {
                if (mine.written == null) {
                    Batch batch;
                    synchronized (chain) {
                        batch = open; // earlier batches were written before this thread got the writer lock
                        open = new Batch();
                    }
                    try {
                        store.appendAll(batch.records);
                        batch.written = true;
                    } catch (RuntimeException failure) {
                        synchronized (chain) {
                            last = null; // the chain continues from what the store really has
                            Batch chainedOnLost = open;
                            open = new Batch();
                            chainedOnLost.written = false;
                        }
                        batch.written = false;
                        if (!(failure instanceof AuditStore.SequenceTaken) || attempt == 10) {
                            throw failure;
                        }
                    }
                }
            }
            if (mine.written) {
                return record;
            }
        }
    }

    public List<AuditRecord> records() {
        return store.all();
    }

    /** The sequence number of the first record whose link or content is wrong, if any. */
    public Optional<Long> verify() {
        return firstBroken(store.all());
    }

    /** Checks any list of records, e.g. one read back from an export. */
    public static Optional<Long> firstBroken(List<AuditRecord> chain) {
        String previous = GENESIS;
        long expectedSequence = 1;
        for (AuditRecord record : chain) {
            AuditRecord unsigned = new AuditRecord(record.sequence(), record.time(), record.operator(), record.desk(),
                    record.action(), record.outcome(), record.details(), record.previousHash(), "");
            if (record.sequence() != expectedSequence || !record.previousHash().equals(previous)
                    || !record.hash().equals(hash(unsigned))) {
                return Optional.of(record.sequence());
            }
            previous = record.hash();
            expectedSequence++;
        }
        return Optional.empty();
    }

    /** JSON lines, one record per line, in chain order. */
    public void exportJsonLines(Writer out) throws IOException {
        for (AuditRecord record : store.all()) {
            out.write(CANONICAL.writeValueAsString(asMap(record)));
            out.write('\n');
        }
    }

    /** Reads an export back, for {@link AuditChainCheck} and for auditors' own tools. */
    public static List<AuditRecord> readJsonLines(java.io.BufferedReader in) throws IOException {
        List<AuditRecord> chain = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            var node = CANONICAL.readTree(line);
            Map<String, String> details = details(node.path("details"));
            chain.add(new AuditRecord(node.path("sequence").asLong(), java.time.Instant.parse(node.path("time").asText()),
                    node.path("operator").asText(), node.path("desk").asText(), node.path("action").asText(),
                    node.path("outcome").asText(), details, node.path("previousHash").asText(), node.path("hash").asText()));
        }
        return chain;
    }

    /** The details as canonical JSON, as a database column keeps them. */
    public static String detailsJson(Map<String, String> details) {
        try {
            return CANONICAL.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, String> detailsFromJson(String json) {
        try {
            return details(CANONICAL.readTree(json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> details(com.fasterxml.jackson.databind.JsonNode node) {
        Map<String, String> details = new TreeMap<>();
        node.fields().forEachRemaining(entry -> details.put(entry.getKey(), entry.getValue().asText()));
        return details;
    }

    private static Map<String, Object> asMap(AuditRecord record) {
        Map<String, Object> map = new TreeMap<>();
        map.put("sequence", record.sequence());
        map.put("time", record.time().toString());
        map.put("operator", record.operator());
        map.put("desk", record.desk());
        map.put("action", record.action());
        map.put("outcome", record.outcome());
        map.put("details", new TreeMap<>(record.details()));
        map.put("previousHash", record.previousHash());
        map.put("hash", record.hash());
        return map;
    }

    private static String hash(AuditRecord unsigned) {
        try {
            Map<String, Object> content = asMap(unsigned);
            content.remove("hash");
            byte[] canonical = CANONICAL.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
