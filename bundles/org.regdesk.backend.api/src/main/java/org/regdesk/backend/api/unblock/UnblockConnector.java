package org.regdesk.backend.api.unblock;

import org.osgi.annotation.versioning.ProviderType;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.CompletionRequest;
import org.regdesk.backend.api.v1.SessionState;
import org.regdesk.backend.api.v1.UnblockAuthorizationGrant;

/** The registry's part in a PIN creation / unblock: the card's single-use authorization, then the outcome. */
@ProviderType
public interface UnblockConnector {

    UnblockAuthorizationGrant authorizeUnblock(String sessionId, String cardSerial, byte[] challenge) throws RegistryException;

    SessionState complete(String sessionId, CompletionRequest completion) throws RegistryException;
}
