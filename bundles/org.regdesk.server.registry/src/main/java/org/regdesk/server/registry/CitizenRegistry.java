package org.regdesk.server.registry;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.regdesk.backend.api.Tckn;
import org.regdesk.server.codes.internal.VerificationCodes;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.DeskSessionRecord;

/** The registry as the citizen portal sees it: verification codes and the citizen's own records. */
@ProviderType
public interface CitizenRegistry {

    /** A new verification code for a desk operation; empty when the hourly limit is reached (audited). */
    Optional<VerificationCodes.IssuedCode> issueCode(Tckn citizen, String operation);

    Optional<Citizen> citizen(Tckn tckn);

    /** The citizen's latest desk session for the operation, for "completed at the desk" on the portal. */
    Optional<DeskSessionRecord> latestSession(Tckn citizen, String operation);

    /** GIVEN, WITHDRAWN, or empty when the citizen never gave E-Onay. */
    Optional<String> eOnayState(Tckn citizen);
}
