package org.regdesk.ui.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.regdesk.backend.api.Tckn;
import org.regdesk.backend.api.v1.DeskSession;

/**
 * The citizen this workstation is serving, as a completed desk session proved them, for the follow-up that rests on
 * that proof (a certificate application after the E-Onay): the operator never types a TCKN for it. One per
 * workstation; kept a little shorter than the registry accepts such a session (30 minutes) and forgotten when the
 * next citizen's session completes.
 */
public final class CitizenAtDesk {

    /** How long a completed session carries follow-ups at this desk. */
    public static final Duration KEPT = Duration.ofMinutes(25);

    /** The served citizen: the session that proved them, and what the screen may show (name, masked TCKN). */
    public record Served(String sessionId, String operation, String citizenName, String maskedTckn, Instant since) {
    }

    private static volatile Served served;

    private CitizenAtDesk() {
    }

    /** The session's citizen is the one at the desk now. */
    public static void served(DeskSession session, Clock clock) {
        String masked = Tckn.isValid(session.tckn()) ? new Tckn(session.tckn()).masked() : "";
        served = new Served(session.sessionId(), session.purpose(), session.citizenName(), masked, clock.instant());
    }

    /** The citizen at the desk for {@code operation}'s follow-ups, unless that was too long ago. */
    public static Optional<Served> current(String operation, Clock clock) {
        Served now = served;
        if (now == null || !now.operation().equals(operation) || now.since().plus(KEPT).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(now);
    }

    /** Nobody is being served (the operator signed out, or the follow-up is done). */
    public static void clear() {
        served = null;
    }
}
