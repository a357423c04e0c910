package org.regdesk.server.audit.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Checkpoints of the audit chain kept outside the database (a file on each node, and syslog): the sequence and seal of
 * the newest record and the number of records, sealed with the audit key. A chain read back later must still hold
 * each checkpoint's record with the same seal, so deleting the newest records (which leaves a chain that verifies) or
 * rewriting the table from scratch is found; only what was written after the last checkpoint can go unnoticed.
 */
public final class AuditCheckpoints {

    /** One checkpoint: the chain had {@code count} records, the newest {@code sequence} sealed {@code head}. */
    public record Checkpoint(long sequence, String head, long count, Instant time, String node, String seal) {
    }

    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final AuditSeal seal;

    public AuditCheckpoints(AuditSeal seal) {
        this.seal = seal;
    }

    /** A sealed checkpoint of a chain whose newest record is {@code head} (a whole chain holds {@code head.sequence} records). */
    public Checkpoint of(AuditRecord head, Instant time, String node) {
        Checkpoint unsealed = new Checkpoint(head.sequence(), head.hash(), head.sequence(), time, node, "");
        return new Checkpoint(unsealed.sequence(), unsealed.head(), unsealed.count(), time, node, sealOf(unsealed));
    }

    /** The checkpoint as one JSON line (the file's and the syslog message's text). */
    public static String line(Checkpoint checkpoint) {
        try {
            return CANONICAL.writeValueAsString(content(checkpoint, true));
        } catch (IOException e) {
            throw new IllegalStateException("a checkpoint is plain JSON", e);
        }
    }

    /** Reads checkpoint lines (a checkpoint file, or lines taken from syslog); lines of other kinds are skipped. */
    public static List<Checkpoint> read(BufferedReader in) throws IOException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            int start = line.indexOf("{\"count\"");
            if (start < 0) {
                continue;
            }
            JsonNode node = CANONICAL.readTree(line.substring(start));
            checkpoints.add(new Checkpoint(node.path("sequence").asLong(), node.path("head").asText(), node.path("count").asLong(),
                    Instant.parse(node.path("time").asText()), node.path("node").asText(), node.path("seal").asText()));
        }
        return checkpoints;
    }

    /**
     * The first thing wrong between a chain (already verified record by record) and checkpoints taken of it: a
     * checkpoint whose seal is not the audit key's, or whose record is gone or differs.
     */
    public Optional<String> problem(List<AuditRecord> chain, List<Checkpoint> checkpoints) {
        for (Checkpoint checkpoint : checkpoints) {
            if (!sealOf(checkpoint).equals(checkpoint.seal())) {
                return Optional.of("checkpoint of record " + checkpoint.sequence() + " (" + checkpoint.time() + ", " + checkpoint.node()
                        + ") is not sealed with the audit key");
            }
            if (chain.size() < checkpoint.count()) {
                return Optional.of("the chain has " + chain.size() + " records, but " + checkpoint.count() + " were there at "
                        + checkpoint.time() + " (" + checkpoint.node() + "): records were removed");
            }
            AuditRecord record = chain.get((int) checkpoint.sequence() - 1);
            if (record.sequence() != checkpoint.sequence() || !record.hash().equals(checkpoint.head())) {
                return Optional.of("record " + checkpoint.sequence() + " is not the one checkpointed at " + checkpoint.time()
                        + " (" + checkpoint.node() + "): the chain was rewritten");
            }
        }
        return Optional.empty();
    }

    private String sealOf(Checkpoint checkpoint) {
        try {
            return seal.seal(("checkpoint:" + CANONICAL.writeValueAsString(content(checkpoint, false))).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("a checkpoint is plain JSON", e);
        }
    }

    private static Map<String, Object> content(Checkpoint checkpoint, boolean withSeal) {
        Map<String, Object> map = new TreeMap<>();
        map.put("count", checkpoint.count());
        map.put("head", checkpoint.head());
        map.put("node", checkpoint.node());
        map.put("sequence", checkpoint.sequence());
        map.put("time", checkpoint.time().toString());
        if (withSeal) {
            map.put("seal", checkpoint.seal());
        }
        return map;
    }
}
