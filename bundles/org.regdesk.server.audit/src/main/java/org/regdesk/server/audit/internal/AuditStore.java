package org.regdesk.server.audit.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Where the chain is kept: a list in tests, the audit_records table in the server. Append only. */
public interface AuditStore {

    /**
     * Links a batch to the chain and stores it in one transaction, all or none, holding the store's chain
     * lock throughout, so writers in other processes (other server nodes) wait instead of colliding:
     * {@code link} gets the newest stored record and returns the batch chained to it.
     */
    List<AuditRecord> appendLinked(Function<Optional<AuditRecord>, List<AuditRecord>> link);

    List<AuditRecord> all();
}
