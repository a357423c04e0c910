package org.regdesk.server.registry.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.regdesk.server.audit.internal.AuditCheckpoints;
import org.regdesk.server.audit.internal.AuditRecord;
import org.regdesk.server.audit.internal.AuditSeal;
import org.regdesk.server.audit.internal.AuditTrail;
import org.regdesk.server.desk.Actor;
import org.regdesk.server.desk.AuditAction;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.desk.Refusal;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.JdbcAuditStore;
import org.regdesk.server.store.Operator;

/**
 * The audit trail in the database as the {@link AuditService}, and its check and export for auditors. A request's records
 * commit with it into the outbox; one chain writer per node links them into the chain afterwards, so no request waits
 * for the chain (its lock is one for all nodes) and one chain transaction takes whatever many requests left.
 */
public final class AuditTrailService implements AuditService, AutoCloseable {

    /** How long the chain writer waits before trying again when the database did not take a batch. */
    private static final java.time.Duration RETRY = java.time.Duration.ofSeconds(1);

    private static final java.util.Set<Operator.Role> AUDIT_ROLES = java.util.EnumSet.of(Operator.Role.AUDITOR, Operator.Role.SUPERVISOR);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditTrailService.class);

    private final AuditTrail trail;
    private final JdbcAuditStore store;
    private final Database database;
    private final Clock clock;
    private final AuditSeal seal;
    private final AuditCheckpoints checkpoints;
    /** This node's checkpoint file, which {@link #check} holds the chain against. */
    private final Optional<Path> checkpointFile;
    private final java.util.concurrent.ScheduledExecutorService chainWriter = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("regdesk-audit-chain").daemon().factory());
    /** A chain write is queued and has not started yet: requests committing now are taken by it. */
    private final java.util.concurrent.atomic.AtomicBoolean writeQueued = new java.util.concurrent.atomic.AtomicBoolean();

    public AuditTrailService(Database database, Clock clock, AuditSeal seal, Optional<Path> checkpointFile) {
        this.store = new JdbcAuditStore(database, seal);
        this.trail = new AuditTrail(clock, store, seal);
        this.database = database;
        this.clock = clock;
        this.seal = seal;
        this.checkpoints = new AuditCheckpoints(seal);
        this.checkpointFile = checkpointFile;
        trail.flush(); // records a node left outside the chain when it died
    }

    /** The chain's newest record, for the checkpoints written outside the database. */
    Optional<AuditRecord> head() {
        return store.head();
    }

    AuditCheckpoints checkpoints() {
        return checkpoints;
    }

    @Override
    public void append(Actor actor, AuditAction action, String outcome, Map<String, String> details) {
        append(actor.operator(), actor.desk(), action, outcome, details);
    }

    @Override
    public void append(String who, String where, AuditAction action, String outcome, Map<String, String> details) {
        if (!database.inUnit()) {
            trail.append(who, where, action.name(), outcome, details);
            return;
        }
        // inside a request's transaction the record commits with what it records: exactly once, even when
        // the node dies before answering and the desk repeats the request; a rolled-back request's
        // records (its refusals) are written on their own afterwards
        store.hold(who, where, action.name(), outcome, details, clock.instant());
        database.afterUnit(committed -> {
            if (committed) {
                writeChainSoon();
                return;
            }
            try {
                trail.append(who, where, action.name(), outcome, details);
            } catch (RuntimeException e) {
                LOG.error("Audit record {} {} could not be written to the chain now ({})", action, outcome, e.toString());
            }
        });
    }

    /** Queues one chain write unless one is queued already (it will take this request's records too). */
    private void writeChainSoon() {
        queueWrite(java.time.Duration.ZERO);
    }

    private void queueWrite(java.time.Duration after) {
        if (writeQueued.compareAndSet(false, true)) {
            try {
                chainWriter.schedule(this::writeChain, after.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                writeQueued.set(false); // the node is stopping: close() writes what is left, or the next node to start does
            }
        }
    }

    private void writeChain() {
        writeQueued.set(false); // records committed from now on need another write; those before are in this one
        try {
            trail.flush();
        } catch (RuntimeException e) {
            // the records stay in the outbox, committed: the next write takes them (this node's, another's, or a start's)
            LOG.error("Held audit records could not be linked into the chain now ({}); trying again in {}", e.toString(), RETRY);
            queueWrite(RETRY);
        }
    }

    /** Links every committed record into the chain now (auditors' reads and tests see the whole chain after it). */
    public void writeChainNow() {
        trail.flush();
    }

    /** Stops the chain writer after a last write; what a failing database keeps in the outbox waits for the next start. */
    @Override
    public void close() {
        chainWriter.shutdown();
        try {
            chainWriter.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            trail.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Held audit records stay in the outbox for the next start ({})", e.toString());
        }
    }

    /**
     * How many records, the first whose seal does not fit the chain (null when none), and whether the chain still holds
     * this node's checkpoints (a chain shortened at its end verifies by itself; its checkpoints do not).
     */
    public Map<String, Object> check(Actor actor) throws Refusal {
        requireAuditRole(actor);
        trail.flush();
        List<AuditRecord> records = trail.records();
        List<AuditCheckpoints.Checkpoint> taken = readCheckpoints();
        Optional<Long> broken = AuditTrail.firstBroken(seal, records); // the chain read once, not again by trail.verify()
        Optional<String> problem = broken.isPresent() ? Optional.of("record " + broken.get() + " does not fit the chain")
                : checkpoints.problem(records, taken);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("records", records.size());
        result.put("firstBroken", broken.orElse(problem.isPresent() ? (long) records.size() + 1 : null));
        result.put("checkpoints", taken.size());
        result.put("problem", problem.orElse(null));
        return result;
    }

    private List<AuditCheckpoints.Checkpoint> readCheckpoints() {
        if (checkpointFile.isEmpty() || !Files.exists(checkpointFile.get())) {
            return List.of();
        }
        try (java.io.BufferedReader in = Files.newBufferedReader(checkpointFile.get())) {
            return AuditCheckpoints.read(in);
        } catch (IOException e) {
            throw new IllegalStateException("the audit checkpoint file " + checkpointFile.get() + " cannot be read", e);
        }
    }

    /** The whole trail as JSON lines; the export itself is audited. */
    public String export(Actor actor) throws Refusal {
        requireAuditRole(actor);
        trail.flush();
        StringWriter out = new StringWriter();
        try {
            trail.exportJsonLines(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        append(actor, CoreAudit.AUDIT_EXPORT, "OK", Map.of());
        return out.toString();
    }

    private static void requireAuditRole(Actor actor) throws Refusal {
        if (!AUDIT_ROLES.contains(actor.role())) { // an allow-list: a role added later sees nothing by default
            throw Refusals.roleNotAllowed(actor.role().name());
        }
    }
}
