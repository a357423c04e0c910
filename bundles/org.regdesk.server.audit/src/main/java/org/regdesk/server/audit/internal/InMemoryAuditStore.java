package org.regdesk.server.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The chain in a list (tests, tools); its monitor is the chain lock. */
public final class InMemoryAuditStore implements AuditStore {

    private final List<AuditRecord> records = new ArrayList<>();

    @Override
    public synchronized List<AuditRecord> appendLinked(Function<Optional<AuditRecord>, List<AuditRecord>> link) {
        List<AuditRecord> batch = link.apply(records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1)));
        records.addAll(batch);
        return batch;
    }

    @Override
    public synchronized List<AuditRecord> all() {
        return List.copyOf(records);
    }
}
