package org.regdesk.server.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The chain in memory, for tests and tools. */
public final class InMemoryAuditStore implements AuditStore {

    private final List<AuditRecord> records = new ArrayList<>();

    @Override
    public synchronized Optional<AuditRecord> last() {
        return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
    }

    @Override
    public synchronized void appendAll(List<AuditRecord> batch) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).sequence() != records.size() + 1L + i) {
                throw new SequenceTaken(null);
            }
        }
        records.addAll(batch);
    }

    @Override
    public synchronized List<AuditRecord> all() {
        return List.copyOf(records);
    }
}
