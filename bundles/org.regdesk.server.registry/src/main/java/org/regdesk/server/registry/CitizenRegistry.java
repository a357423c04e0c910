package org.regdesk.server.registry;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.regdesk.backend.api.Tckn;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.DeskSessionRecord;

/** The registry as the citizen portal sees it: verification codes and the citizen's own records. */
@ProviderType
public interface CitizenRegistry {

    /** A verification code as the portal shows it: 15 digits, valid until {@code expiresAt}. */
    record IssuedCode(String digits, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedCode[***, expiresAt=" + expiresAt + "]";
        }
    }

    /** A new verification code for a desk operation; empty when the hourly limit is reached (audited). */
    Optional<IssuedCode> issueCode(Tckn citizen, String operation);

    Optional<Citizen> citizen(Tckn tckn);

    /** The citizen's latest desk session for the operation, for "completed at the desk" on the portal. */
    Optional<DeskSessionRecord> latestSession(Tckn citizen, String operation);

    /** GIVEN, WITHDRAWN, or empty when the citizen never gave E-Onay. */
    Optional<String> eOnayState(Tckn citizen);
}
