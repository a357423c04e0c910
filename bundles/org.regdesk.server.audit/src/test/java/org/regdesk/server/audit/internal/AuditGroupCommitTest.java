package org.regdesk.server.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Many request threads appending at once: one intact chain, fewer writes than records, races survived. */
class AuditGroupCommitTest {

    private static final AuditSeal SEAL = new AuditSeal(new byte[32]);

    /** An in-memory store that counts writes and lets another "server" append in between. */
    private static final class RacingStore implements AuditStore {
        final InMemoryAuditStore inner = new InMemoryAuditStore();
        final AtomicInteger writes = new AtomicInteger();
        final AuditTrail otherServer = new AuditTrail(Clock.systemUTC(), inner, SEAL);

        @Override
        public List<AuditRecord> appendLinked(java.util.function.Function<Optional<AuditRecord>, List<AuditRecord>> link) {
            if (writes.incrementAndGet() % 25 == 0) {
                otherServer.append("other", "DESK-X", "RACE", "OK", Map.of()); // another node writes just before this one
            }
            return inner.appendLinked(link);
        }

        @Override
        public List<AuditRecord> all() {
            return inner.all();
        }
    }

    @Test
    void concurrentAppendsFormOneIntactChainInFewerWritesEvenWhenAnotherServerRaces() throws Exception {
        RacingStore store = new RacingStore();
        AuditTrail trail = new AuditTrail(Clock.systemUTC(), store, SEAL);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int id = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 200; i++) {
                    trail.append("op" + id, "DESK-1", "STEP", "OK", Map.of("i", Integer.toString(i)));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<AuditRecord> chain = store.all();
        long ours = chain.stream().filter(record -> record.action().equals("STEP")).count();
        assertEquals(16 * 200, ours, "every append is stored exactly once");
        assertTrue(AuditTrail.firstBroken(SEAL, chain).isEmpty(), "one intact chain");
        assertTrue(chain.stream().anyMatch(record -> record.action().equals("RACE")), "the race really happened");
        assertTrue(store.writes.get() < chain.size(), "records were written in groups: " + store.writes.get() + " writes");
    }
}
