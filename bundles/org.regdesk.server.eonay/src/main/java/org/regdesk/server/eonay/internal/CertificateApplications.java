package org.regdesk.server.eonay.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.regdesk.backend.api.Tckn;
import org.regdesk.backend.api.v1.CertificateApplication;
import org.regdesk.backend.api.v1.CertificateApplicationRequest;
import org.regdesk.server.desk.Actor;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.desk.DeskSessionService;
import org.regdesk.server.desk.Refusal.Kind;
import org.regdesk.server.desk.Refusal;
import org.regdesk.server.store.CardRecord;
import org.regdesk.server.store.Cards;
import org.regdesk.server.store.CertificateApplicationRecord;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.Citizens;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.DeskSessionRecord;
import org.regdesk.server.store.SessionState;
import org.regdesk.server.store.Operator;
import org.regdesk.server.store.EOnayRecord;
import org.regdesk.server.store.EOnayRecords;

/**
 * Certificate applications that rest on a recorded E-Onay instead of a wet-signed form; a renewal
 * waits until two months before the current certificate expires. Served by whoever may serve E-Onay, for the
 * citizen of an E-Onay desk session at the same desk (identity proven there), never for a TCKN typed in.
 */
public final class CertificateApplications {

    static final int RENEWAL_LEAD_MONTHS = 2;

    /** How long after its start an E-Onay session may still carry an application: the citizen's visit. */
    static final Duration SESSION_WINDOW = Duration.ofMinutes(30);

    private final DeskSessionService sessions;
    private final AuditService audit;
    private final EOnayRecords records;
    private final Citizens citizens;
    private final Cards cards;
    private final Clock clock;

    public CertificateApplications(DeskSessionService sessions, AuditService audit, Database database, Clock clock) {
        this.sessions = sessions;
        this.audit = audit;
        this.records = new EOnayRecords(database);
        this.citizens = new Citizens(database);
        this.cards = new Cards(database);
        this.clock = clock;
    }

    public CertificateApplication apply(Actor actor, CertificateApplicationRequest request) throws Refusal {
        sessions.authorize(actor, EOnayOperation.ID);
        if (request.sessionId() == null || request.sessionId().isBlank()) {
            throw Refusal.invalid("sessionId", "Open an E-Onay session for the citizen first.");
        }
        if (!"NEW".equals(request.kind()) && !"RENEWAL".equals(request.kind())) {
            throw Refusal.invalid("kind", "kind must be NEW or RENEWAL.");
        }
        // another desk's session is "unknown" to this one (the session service refuses it so)
        DeskSessionRecord session = sessions.session(actor, request.sessionId(), EOnayOperation.ID);
        if (session.state() == SessionState.ABORTED || session.state() == SessionState.FAILED
                || session.startedAt().plus(SESSION_WINDOW).isBefore(clock.instant())) {
            throw new Refusal(Kind.CONFLICT, "EONAY_SESSION_REQUIRED", "The citizen's E-Onay session at this desk is over; "
                    + "open a new one (the citizen proves who they are again).");
        }
        Tckn tckn = session.citizen();
        Citizen citizen = citizens.find(tckn)
                .orElseThrow(() -> new Refusal(Kind.NOT_FOUND, "CITIZEN_UNKNOWN", "No citizen is registered with this TCKN."));
        EOnayRecord consent = records.current(tckn).filter(record -> "CONSENT".equals(record.kind()))
                .orElseThrow(() -> new Refusal(Kind.CONFLICT, "EONAY_REQUIRED",
                        "The citizen has no E-Onay: the application needs a wet-signed form."));
        Instant now = clock.instant();
        Optional<CardRecord> current = Optional.empty();
        Instant readyAt = now;
        if ("RENEWAL".equals(request.kind())) {
            current = cards.ofHolder(tckn).stream().filter(card -> card.certificateNotAfter().isPresent())
                    .max(Comparator.comparing(card -> card.certificateNotAfter().get()));
            Instant notAfter = current.orElseThrow(() -> new Refusal(Kind.CONFLICT, "NO_CURRENT_CERTIFICATE",
                    "There is no current certificate to renew; apply for a new one.")).certificateNotAfter().get();
            Instant lead = notAfter.atZone(ZoneOffset.UTC).minusMonths(RENEWAL_LEAD_MONTHS).toInstant();
            readyAt = lead.isAfter(now) ? lead : now;
        }
        CertificateApplicationRecord application = new CertificateApplicationRecord(UUID.randomUUID().toString(), tckn,
                request.kind(), consent.id(), current.map(CardRecord::serial), current.flatMap(CardRecord::certificateNotAfter),
                readyAt, now, actor.desk(), actor.operator());
        records.insertApplication(application);
        audit.append(actor, EOnayAudit.CERTIFICATE_APPLICATION, readyAt.isAfter(now) ? "WAITING" : "READY",
                Map.of("application", application.id(), "kind", request.kind(), "eOnay", consent.id(), "session", session.id()));
        return view(application, citizen, now);
    }

    /** This desk's queue; a supervisor sees every desk's. */
    public List<CertificateApplication> queue(Actor actor) throws Refusal {
        sessions.authorize(actor, EOnayOperation.ID);
        Instant now = clock.instant();
        Optional<String> desk = actor.role() == Operator.Role.SUPERVISOR ? Optional.empty() : Optional.of(actor.desk());
        return records.applications(desk, 500).stream()
                .map(application -> view(application, citizens.find(application.citizen()).orElseThrow(), now)).toList();
    }

    /** The TCKN masked: the queue is on desk screens all day, and the name with the last digits is enough to call. */
    private static CertificateApplication view(CertificateApplicationRecord application, Citizen citizen, Instant now) {
        return new CertificateApplication(application.id(), application.citizen().masked(), citizen.fullName(),
                application.kind(), "E_ONAY", application.readyAt().isAfter(now) ? "WAITING" : "READY", application.readyAt(),
                application.createdAt(), application.currentNotAfter().orElse(null));
    }
}
