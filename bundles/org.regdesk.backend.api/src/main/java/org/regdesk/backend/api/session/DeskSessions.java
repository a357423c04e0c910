package org.regdesk.backend.api.session;

import org.osgi.annotation.versioning.ProviderType;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.CardSignInChallenge;
import org.regdesk.backend.api.v1.CardSignInRequest;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.backend.api.v1.OtpSent;
import org.regdesk.backend.api.v1.SessionState;

/**
 * What every desk operation needs of the registry: the operator signed in at this desk, and a desk
 * session for one citizen (opened with the citizen's portal code or the operator's identity check,
 * confirmed by an SMS code, ended when the citizen leaves). Every call acts as the desk (its
 * certificate) and, after {@link #signIn}, as the signed-in operator.
 */
@ProviderType
public interface DeskSessions {

    OperatorSignedIn signIn(String username, char[] password) throws RegistryException;

    /** A challenge for the operator's own card to sign at this desk (once, within a minute). */
    CardSignInChallenge cardSignInChallenge() throws RegistryException;

    /** Signs the operator in with the certificate on their card and its signature over the challenge. */
    OperatorSignedIn signInWithCard(CardSignInRequest request) throws RegistryException;

    void signOut();

    /**
     * With the citizen's code, or (assisted) the TCKN and ID document the operator checked; the request
     * names the desk operation (an open id such as PIN_UNBLOCK or E_ONAY) the session is for.
     */
    DeskSession openSession(OpenSessionRequest request) throws RegistryException;

    DeskSession session(String sessionId) throws RegistryException;

    OtpSent sendOtp(String sessionId) throws RegistryException;

    SessionState verifyOtp(String sessionId, String code) throws RegistryException;

    /** Ends an open session without a card write (the citizen left, the operator cancelled). */
    SessionState abort(String sessionId) throws RegistryException;
}
