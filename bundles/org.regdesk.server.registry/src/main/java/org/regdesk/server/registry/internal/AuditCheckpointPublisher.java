package org.regdesk.server.registry.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.regdesk.server.audit.internal.AuditCheckpoints;
import org.regdesk.server.audit.internal.AuditRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a checkpoint of the audit chain outside the database every few seconds while the chain grows: a line in this
 * node's checkpoint file and, if configured, an RFC 5424 syslog message over UDP (to a log host the database's
 * administrators do not control). A failed write is logged and tried again next time; it never stops a request.
 */
public final class AuditCheckpointPublisher implements AutoCloseable {

    /** local0.info */
    private static final int PRIORITY = 16 * 8 + 6;

    private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpointPublisher.class);

    private final AuditTrailService audit;
    private final Path file;
    private final Optional<InetSocketAddress> syslog;
    private final String node;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private long published;

    public AuditCheckpointPublisher(AuditTrailService audit, Path file, Optional<InetSocketAddress> syslog, String node, Clock clock,
            Duration every) {
        this.audit = audit;
        this.file = file;
        this.syslog = syslog;
        this.node = node;
        this.clock = clock;
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("regdesk-audit-checkpoints").daemon().factory());
        timer.scheduleWithFixedDelay(this::publishQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Writes a checkpoint if the chain grew since the last one; returns it. */
    public synchronized Optional<AuditCheckpoints.Checkpoint> publish() throws IOException {
        Optional<AuditRecord> head = audit.head();
        if (head.isEmpty() || head.get().sequence() <= published) {
            return Optional.empty();
        }
        AuditCheckpoints.Checkpoint checkpoint = audit.checkpoints().of(head.get(), clock.instant().truncatedTo(ChronoUnit.MILLIS), node);
        String line = AuditCheckpoints.line(checkpoint);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
        if (syslog.isPresent()) {
            byte[] message = ("<" + PRIORITY + ">1 " + checkpoint.time() + " " + node + " regdesk-server - AUDIT_CHECKPOINT - " + line)
                    .getBytes(StandardCharsets.UTF_8);
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.send(new DatagramPacket(message, message.length, syslog.get()));
            }
        }
        published = checkpoint.sequence();
        return Optional.of(checkpoint);
    }

    private void publishQuietly() {
        try {
            publish();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Audit checkpoint not written now ({}); trying again in a moment", e.toString());
        }
    }

    /** A last checkpoint of what this node wrote, then stops. */
    @Override
    public void close() {
        timer.shutdownNow();
        publishQuietly();
    }
}
