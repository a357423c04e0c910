package org.regdesk.server.desk;

import org.osgi.annotation.versioning.ProviderType;
import org.regdesk.server.store.DeskSessionRecord;
import org.regdesk.server.store.SessionState;

/**
 * Desk sessions as an operation sees them. The registry opens them (verification code or operator
 * identity check), sends and checks the SMS code, and aborts them; an operation reads its open sessions
 * and moves them to their end.
 */
@ProviderType
public interface DeskSessionService {

    /**
     * An open, unexpired session of the actor's desk that was opened for {@code operation}, after
     * checking the actor's role may serve it. Another desk's session is "unknown" (no hint it exists).
     */
    DeskSessionRecord openSession(Actor actor, String sessionId, String operation) throws Refusal;

    /**
     * A session of the actor's desk opened for {@code operation}, whatever its state (e.g. for a desk
     * reporting what a card did after the session ended).
     */
    DeskSessionRecord session(Actor actor, String sessionId, String operation) throws Refusal;

    /** Refuses an actor whose role may not serve {@code operation}, or an operation not installed. */
    void authorize(Actor actor, String operation) throws Refusal;

    /** Moves the session on from the state it was read in; false when another request moved it first. */
    boolean transition(DeskSessionRecord session, SessionState next, String cardSerial);
}
