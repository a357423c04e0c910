package org.regdesk.server.desk;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The signed-in operator behind a request. */
@ProviderType
public interface OperatorSessions {

    /**
     * The operator whose bearer token ({@code Authorization: Bearer ...}) was issued at this desk and is
     * still valid; UNKNOWN_DESK for a desk not registered or not active, SIGN_IN_REQUIRED otherwise.
     */
    Actor actor(String deskId, Optional<String> authorization) throws Refusal;
}
