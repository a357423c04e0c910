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
 * {@link #verify()} walks the chain and names the first record that does not fit. Storage is a list
 * here; the database store (issue #4) keeps the same chain.
 */
public final class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    /** Sorted keys, no whitespace: the same record always hashes the same. */
    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Clock clock;
    private final List<AuditRecord> records = new ArrayList<>();

    public AuditTrail(Clock clock) {
        this.clock = clock;
    }

    /** Appends a record; aborted and failed steps are recorded like successful ones. */
    public synchronized AuditRecord append(String operator, String desk, String action, String outcome,
            Map<String, String> details) {
        String previous = records.isEmpty() ? GENESIS : records.get(records.size() - 1).hash();
        long sequence = records.size() + 1L;
        AuditRecord unsigned = new AuditRecord(sequence, clock.instant(), operator, desk, action, outcome, details, previous, "");
        AuditRecord record = new AuditRecord(sequence, unsigned.time(), operator, desk, action, outcome, details, previous,
                hash(unsigned));
        records.add(record);
        return record;
    }

    public synchronized List<AuditRecord> records() {
        return List.copyOf(records);
    }

    /** The sequence number of the first record whose link or content is wrong, if any. */
    public synchronized Optional<Long> verify() {
        return firstBroken(records);
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
    public synchronized void exportJsonLines(Writer out) throws IOException {
        for (AuditRecord record : records) {
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
            Map<String, String> details = new TreeMap<>();
            node.path("details").fields().forEachRemaining(entry -> details.put(entry.getKey(), entry.getValue().asText()));
            chain.add(new AuditRecord(node.path("sequence").asLong(), java.time.Instant.parse(node.path("time").asText()),
                    node.path("operator").asText(), node.path("desk").asText(), node.path("action").asText(),
                    node.path("outcome").asText(), details, node.path("previousHash").asText(), node.path("hash").asText()));
        }
        return chain;
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
