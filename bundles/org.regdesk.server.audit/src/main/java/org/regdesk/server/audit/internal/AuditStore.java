package org.regdesk.server.audit.internal;

import java.util.List;
import java.util.Optional;

/** Where the chain is kept: a list in tests, the audit_records table in the server. Append only. */
public interface AuditStore {

    /** Another writer appended the same sequence number first; the trail reloads and retries. */
    final class SequenceTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SequenceTaken(Throwable cause) {
            super("audit sequence number already taken", cause);
        }
    }

    Optional<AuditRecord> last();

    /**
     * Stores the records (consecutive, in chain order) in one transaction: all or none. Throws
     * {@link SequenceTaken} when a sequence number exists already.
     */
    void appendAll(List<AuditRecord> records);

    List<AuditRecord> all();
}
