package org.regdesk.server.registry.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.regdesk.backend.api.Tckn;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.api.v1.OtpSent;
import org.regdesk.backend.api.v1.RegisteredCard;
import org.regdesk.server.codes.internal.AttemptWindow;
import org.regdesk.server.codes.internal.VerificationCodes;
import org.regdesk.server.desk.Actor;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.desk.DeskOperation;
import org.regdesk.server.desk.DeskSessionService;
import org.regdesk.server.desk.Refusal;
import org.regdesk.server.otp.SmsGateway;
import org.regdesk.server.otp.internal.SmsOneTimeCodes;
import org.regdesk.server.store.Cards;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.Citizens;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.JdbcAttemptWindows;
import org.regdesk.server.store.DeskSessionRecord;
import org.regdesk.server.store.DeskSessions;
import org.regdesk.server.store.SessionState;

/**
 * Desk sessions: opened for an installed operation with the citizen's verification code or by an
 * operator who checked the ID document, the SMS one-time code to the registered phone, abort. Every
 * step, refused ones included, goes into the audit trail; secrets never do.
 */
public final class SessionDesk implements DeskSessionService {

    public static final Duration SESSION_LIFETIME = Duration.ofMinutes(15);

    private final Citizens citizens;
    private final Cards cards;
    private final DeskSessions sessions;
    private final VerificationCodes codes;
    private final SmsOneTimeCodes otp;
    private final AuditService audit;
    private final Function<String, Optional<DeskOperation>> operations;
    private final Clock clock;
    private final AttemptWindow identityFailures;

    /** @param operations the installed desk operation with an id, if any, as it is now */
    public SessionDesk(Database database, VerificationCodes codes, SmsOneTimeCodes otp, AuditService audit,
            Function<String, Optional<DeskOperation>> operations, Clock clock) {
        this.citizens = new Citizens(database);
        this.cards = new Cards(database);
        this.sessions = new DeskSessions(database);
        this.codes = codes;
        this.otp = otp;
        this.audit = audit;
        this.operations = operations;
        this.clock = clock;
        this.identityFailures = new JdbcAttemptWindows(database).window("identity-check-desk", Duration.ofMinutes(10), 5);
    }

    public DeskSession open(Actor actor, OpenSessionRequest request) throws Refusal {
        String operation = request.purpose();
        if (!DeskOperation.validId(operation)) {
            throw Refusal.invalid("purpose", "purpose must be the id of a desk operation, e.g. PIN_UNBLOCK.");
        }
        authorize(actor, operation);
        Instant now = clock.instant();
        Citizen citizen;
        String kind;
        if (request.verificationCode() != null && request.tckn() == null && request.idDocumentNumber() == null) {
            VerificationCodes.Redemption redemption = codes.redeem(request.verificationCode(), operation, actor.desk());
            if (redemption instanceof VerificationCodes.Redemption.Refused refused) {
                audit.append(actor, CoreAudit.SESSION_OPEN, refused.reason().name(), Map.of("kind", "CODE", "purpose", operation));
                throw Refusals.code(refused.reason().name());
            }
            Tckn tckn = ((VerificationCodes.Redemption.Accepted) redemption).citizen();
            citizen = citizens.find(tckn).orElseThrow(Refusals::citizenUnknown);
            kind = "CODE";
        } else if (request.verificationCode() == null && request.tckn() != null && request.idDocumentNumber() != null) {
            citizen = checkIdentity(actor, request.tckn(), request.idDocumentNumber(), now);
            kind = "ASSISTED";
        } else {
            throw Refusal.invalid("verificationCode",
                    "Give either the citizen's verification code, or the TCKN and the ID document number.");
        }
        DeskSessionRecord session = new DeskSessionRecord(UUID.randomUUID().toString(), citizen.tckn(), operation, kind,
                actor.desk(), actor.operator(), SessionState.OPEN, now, now.plus(SESSION_LIFETIME),
                Optional.empty(), Optional.empty(), Optional.empty());
        sessions.insert(session);
        audit.append(actor, CoreAudit.SESSION_OPEN, "ACCEPTED", Map.of("session", session.id(), "kind", kind, "purpose", operation,
                "citizen", citizen.tckn().masked()));
        return view(session, citizen);
    }

    private Citizen checkIdentity(Actor actor, String tcknText, String document, Instant now) throws Refusal {
        if (!Tckn.isValid(tcknText)) {
            throw Refusal.invalid("tckn", "Not a valid TCKN (11 digits with correct check digits).");
        }
        AttemptWindow.Attempt attempt = identityFailures.reserve(actor.desk(), now).orElseThrow(Refusals::tooManyAttempts);
        Optional<Citizen> citizen = citizens.find(new Tckn(tcknText));
        boolean matches = citizen.isPresent() && citizen.get().idDocumentNumber().equalsIgnoreCase(document.strip());
        if (!matches) {
            audit.append(actor, CoreAudit.SESSION_OPEN, citizen.isEmpty() ? "CITIZEN_UNKNOWN" : "IDENTITY_MISMATCH",
                    Map.of("kind", "ASSISTED", "citizen", new Tckn(tcknText).masked()));
            throw citizen.isEmpty() ? Refusals.citizenUnknown() : Refusals.identityMismatch();
        }
        identityFailures.releaseOnCommit(attempt); // with the session opened
        return citizen.get();
    }

    public DeskSession session(Actor actor, String sessionId) throws Refusal {
        DeskSessionRecord session = load(actor, sessionId);
        return view(session, citizens.find(session.citizen()).orElseThrow(Refusals::citizenUnknown));
    }

    public OtpSent sendOtp(Actor actor, String sessionId) throws Refusal {
        DeskSessionRecord session = loadOpen(actor, sessionId);
        if (session.state() != SessionState.OPEN) {
            throw Refusals.sessionClosed(session.state().name());
        }
        Citizen citizen = citizens.find(session.citizen()).orElseThrow(Refusals::citizenUnknown);
        try {
            SmsOneTimeCodes.Sent sent = otp.send(session.id(), citizen.phone());
            audit.append(actor, CoreAudit.OTP_SEND, sent.held().map(Enum::name).orElse("SENT"), Map.of("session", session.id()));
            if (sent.held().filter(held -> held != SmsOneTimeCodes.Held.COOLDOWN).isPresent()) {
                throw Refusals.smsLimit(sent.held().get());
            }
            return new OtpSent(sent.sent(), citizen.phone().masked(), sent.expiresAt(), sent.resendAllowedAt());
        } catch (SmsGateway.SmsException e) {
            audit.append(actor, CoreAudit.OTP_SEND, "SMS_UNAVAILABLE", Map.of("session", session.id()));
            throw Refusals.smsUnavailable();
        }
    }

    public org.regdesk.backend.api.v1.SessionState verifyOtp(Actor actor, String sessionId, String code) throws Refusal {
        DeskSessionRecord session = loadOpen(actor, sessionId);
        if (session.state() == SessionState.OTP_VERIFIED) {
            // the desk lost the answer to its own successful verification and asks again: same answer
            audit.append(actor, CoreAudit.OTP_VERIFY, "ALREADY_VERIFIED", Map.of("session", session.id()));
            return new org.regdesk.backend.api.v1.SessionState(session.id(), session.state().name(), clock.instant());
        }
        SmsOneTimeCodes.Check check = otp.check(session.id(), code);
        audit.append(actor, CoreAudit.OTP_VERIFY, check.outcome().name(),
                Map.of("session", session.id(), "attemptsLeft", Integer.toString(check.attemptsLeft())));
        if (check.outcome() != SmsOneTimeCodes.Outcome.ACCEPTED) {
            throw Refusals.otp(check.outcome().name(), check.attemptsLeft());
        }
        if (!transition(session, SessionState.OTP_VERIFIED, null)) {
            throw Refusals.sessionClosed("CHANGED");
        }
        return new org.regdesk.backend.api.v1.SessionState(session.id(), SessionState.OTP_VERIFIED.name(), clock.instant());
    }

    public org.regdesk.backend.api.v1.SessionState abort(Actor actor, String sessionId) throws Refusal {
        DeskSessionRecord session = load(actor, sessionId);
        if (!session.open() || !transition(session, SessionState.ABORTED, null)) {
            throw Refusals.sessionClosed(session.state().name());
        }
        audit.append(actor, CoreAudit.SESSION_ABORT, "ABORTED", Map.of("session", session.id()));
        return new org.regdesk.backend.api.v1.SessionState(session.id(), SessionState.ABORTED.name(), clock.instant());
    }

    @Override
    public DeskSessionRecord openSession(Actor actor, String sessionId, String operation) throws Refusal {
        return openedFor(loadOpen(actor, sessionId), operation);
    }

    @Override
    public DeskSessionRecord session(Actor actor, String sessionId, String operation) throws Refusal {
        return openedFor(load(actor, sessionId), operation);
    }

    private static DeskSessionRecord openedFor(DeskSessionRecord session, String operation) throws Refusal {
        if (!session.operation().equals(operation)) {
            throw Refusals.wrongPurpose();
        }
        return session;
    }

    @Override
    public void authorize(Actor actor, String operation) throws Refusal {
        DeskOperation installed = operations.apply(operation).orElseThrow(() -> Refusals.operationUnknown(operation));
        if (!installed.roles().contains(actor.role())) {
            throw Refusals.roleNotAllowed(actor.role().name());
        }
    }

    @Override
    public boolean transition(DeskSessionRecord session, SessionState next, String cardSerial) {
        return sessions.transition(session.id(), session.state(), next, clock.instant(), cardSerial);
    }

    private DeskSessionRecord load(Actor actor, String sessionId) throws Refusal {
        if (sessionId == null || !sessionId.matches("[0-9a-f-]{36}")) {
            throw Refusals.sessionUnknown();
        }
        // another desk's session is "unknown" here: no hint that it exists
        DeskSessionRecord session = sessions.find(sessionId).filter(found -> found.deskId().equals(actor.desk()))
                .orElseThrow(Refusals::sessionUnknown);
        authorize(actor, session.operation());
        return session;
    }

    private DeskSessionRecord loadOpen(Actor actor, String sessionId) throws Refusal {
        DeskSessionRecord session = load(actor, sessionId);
        if (!session.open()) {
            throw Refusals.sessionClosed(session.state().name());
        }
        if (!clock.instant().isBefore(session.expiresAt())) {
            audit.append(actor, CoreAudit.SESSION_EXPIRED, "EXPIRED", Map.of("session", session.id()));
            throw Refusals.sessionExpired();
        }
        return session;
    }

    private DeskSession view(DeskSessionRecord session, Citizen citizen) {
        List<RegisteredCard> registered = cards.ofHolder(citizen.tckn()).stream()
                .map(card -> new RegisteredCard(card.serial(), card.profile(), card.certificateNotAfter().orElse(null)))
                .toList();
        return new DeskSession(session.id(), session.operation(), session.kind(), session.state().name(), citizen.fullName(),
                citizen.tckn().value(), citizen.birthDate(), citizen.phone().masked(), session.expiresAt(), registered);
    }
}
