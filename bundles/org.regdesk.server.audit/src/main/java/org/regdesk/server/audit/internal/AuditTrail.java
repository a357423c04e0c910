package org.regdesk.server.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The append-only audit trail: every record carries an HMAC-SHA256 ({@link AuditSeal}, a key outside the database)
 * over its content and the previous record's. {@link #verify()} walks the chain and names the first record that does
 * not fit. An {@link AuditStore} keeps it: the audit_records table in the server.
 */
public final class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    /** Sorted keys, no whitespace: the same record always hashes the same. */
    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Clock clock;
    private final AuditStore store;
    private final AuditSeal seal;
    /** Guards the open batch. */
    private final Object chain = new Object();
    /** Held by the one thread writing a batch. */
    private final Object writer = new Object();
    private Batch open = new Batch();

    /** What a caller asked to record, before it has a place in the chain. */
    private record Entry(java.time.Instant time, String operator, String desk, String action, String outcome,
            Map<String, String> details) {
    }

    /** Entries appended together: linked and written in one transaction by whichever of their threads gets there first. */
    private static final class Batch {
        final List<Entry> entries = new ArrayList<>();
        /** The stored records, in entry order, once written; null while waiting. */
        volatile List<AuditRecord> written;
        volatile RuntimeException failed;
    }

    public AuditTrail(Clock clock, AuditSeal seal) {
        this(clock, new InMemoryAuditStore(), seal);
    }

    public AuditTrail(Clock clock, AuditStore store, AuditSeal seal) {
        this.clock = clock;
        this.store = store;
        this.seal = seal;
    }

    /**
     * Appends a record and returns once it is stored; aborted and failed steps are recorded like
     * successful ones. Group commit: concurrent callers queue their entries, and the first of them to
     * reach the store links all that are waiting to the stored head of the chain and writes them in one
     * transaction under the store's chain lock, so one commit serves many requests and server nodes
     * sharing a database never collide on a sequence number. Times are kept to the millisecond so a
     * record read back from any database hashes the same.
     */
    public AuditRecord append(String operator, String desk, String action, String outcome, Map<String, String> details) {
        Batch mine;
        int index;
        synchronized (chain) {
            mine = open;
            index = mine.entries.size();
            mine.entries.add(new Entry(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), operator, desk, action,
                    outcome, details));
        }
        synchronized (writer) {
            if (mine.written == null && mine.failed == null) {
                Batch batch;
                synchronized (chain) {
                    batch = open; // earlier batches were written before this thread got the writer lock
                    open = new Batch();
                }
                try {
                    batch.written = store.appendLinked(head -> link(seal, head, batch.entries));
                } catch (RuntimeException failure) {
                    batch.failed = failure;
                }
            }
        }
        if (mine.failed != null) {
            throw mine.failed;
        }
        return mine.written.get(index);
    }

    /**
     * Writes the records a store holds outside the chain (requests' records that committed with them)
     * into it now; concurrent callers share one write.
     */
    public void flush() {
        long asked = flushesAsked.incrementAndGet();
        synchronized (writer) {
            if (flushedUpTo >= asked) {
                return; // a write that began after this call was made has taken them
            }
            flushedUpTo = flushesAsked.get();
            store.appendLinked(head -> List.of());
        }
    }

    private final java.util.concurrent.atomic.AtomicLong flushesAsked = new java.util.concurrent.atomic.AtomicLong();
    /** Guarded by writer. */
    private long flushedUpTo;

    private static List<AuditRecord> link(AuditSeal seal, java.util.Optional<AuditRecord> head, List<Entry> entries) {
        return linkRecords(seal, head, entries.stream().map(entry -> new AuditRecord(0, entry.time(), entry.operator(), entry.desk(),
                entry.action(), entry.outcome(), entry.details(), "", "")).toList());
    }

    /** Chains records that have no place yet (their sequence and hashes are ignored) after {@code head}, in order. */
    public static List<AuditRecord> linkRecords(AuditSeal seal, java.util.Optional<AuditRecord> head, List<AuditRecord> unlinked) {
        String previous = head.map(AuditRecord::hash).orElse(GENESIS);
        long sequence = head.map(AuditRecord::sequence).orElse(0L);
        List<AuditRecord> linked = new ArrayList<>(unlinked.size());
        for (AuditRecord entry : unlinked) {
            sequence++;
            AuditRecord unsigned = new AuditRecord(sequence, entry.time(), entry.operator(), entry.desk(), entry.action(),
                    entry.outcome(), entry.details(), previous, "");
            AuditRecord record = new AuditRecord(sequence, entry.time(), entry.operator(), entry.desk(), entry.action(),
                    entry.outcome(), entry.details(), previous, hash(seal, unsigned));
            linked.add(record);
            previous = record.hash();
        }
        return linked;
    }

    public List<AuditRecord> records() {
        return store.all();
    }

    /** The sequence number of the first record whose link or content is wrong, if any. */
    public Optional<Long> verify() {
        return firstBroken(seal, store.all());
    }

    /** Checks any list of records, e.g. one read back from an export, with the key that sealed them. */
    public static Optional<Long> firstBroken(AuditSeal seal, List<AuditRecord> chain) {
        String previous = GENESIS;
        long expectedSequence = 1;
        for (AuditRecord record : chain) {
            AuditRecord unsigned = new AuditRecord(record.sequence(), record.time(), record.operator(), record.desk(),
                    record.action(), record.outcome(), record.details(), record.previousHash(), "");
            if (record.sequence() != expectedSequence || !record.previousHash().equals(previous)
                    || !record.hash().equals(hash(seal, unsigned))) {
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

    private static String hash(AuditSeal seal, AuditRecord unsigned) {
        try {
            Map<String, Object> content = asMap(unsigned);
            content.remove("hash");
            return seal.seal(CANONICAL.writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
