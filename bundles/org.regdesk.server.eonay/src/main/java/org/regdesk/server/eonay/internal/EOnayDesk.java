package org.regdesk.server.eonay.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.regdesk.backend.api.Tckn;
import org.regdesk.backend.api.v1.ConsentText;
import org.regdesk.backend.api.v1.EOnayRecorded;
import org.regdesk.backend.api.v1.EOnayStatus;
import org.regdesk.backend.api.v1.EOnaySubmission;
import org.regdesk.server.desk.Actor;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.desk.DeskSessionService;
import org.regdesk.server.desk.Refusal;
import org.regdesk.server.desk.Refusal.Kind;
import org.regdesk.server.eonay.ConsentTexts;
import org.regdesk.server.eonay.ConsentTrust;
import org.regdesk.server.eonay.ConsentVerifier;
import org.regdesk.server.eonay.Rejection;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.DeskSessionRecord;
import org.regdesk.server.store.EOnayRecord;
import org.regdesk.server.store.EOnayRecords;
import org.regdesk.server.store.SessionState;

/**
 * E-Onay at the desk, over a session opened for E_ONAY: the status, the current text (its showing is
 * audited), and the signed consent or withdrawal, recorded only after {@link ConsentVerifier} accepted
 * it and its signature was never seen before.
 */
public final class EOnayDesk {

    /** How far a desk's clock may be off the server's, for the signing and read times. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final DeskSessionService sessions;
    private final AuditService audit;
    private final ConsentTrust trust;
    private final Clock clock;
    private final EOnayRecords records;

    public EOnayDesk(DeskSessionService sessions, AuditService audit, Database database, ConsentTrust trust, Clock clock) {
        this.sessions = sessions;
        this.audit = audit;
        this.trust = trust;
        this.clock = clock;
        this.records = new EOnayRecords(database);
    }

    public EOnayStatus status(Actor actor, String sessionId) throws Refusal {
        return statusOf(eOnaySession(actor, sessionId).citizen());
    }

    /** For the portal: the citizen's own status. */
    public EOnayStatus statusOf(Tckn citizen) {
        Optional<EOnayRecord> current = records.current(citizen);
        return current.map(record -> new EOnayStatus("CONSENT".equals(record.kind()) ? "GIVEN" : "WITHDRAWN",
                record.recordedAt(), record.textVersion(), record.id())).orElse(new EOnayStatus("NONE", null, null, null));
    }

    public ConsentText text(Actor actor, String sessionId, String kind) throws Refusal {
        DeskSessionRecord session = eOnaySession(actor, sessionId);
        ConsentTexts.Text text = ConsentTexts.current(kind(kind));
        audit.append(actor, EOnayAudit.EONAY_TEXT_SHOWN, text.kind().name(), Map.of("session", session.id(), "version",
                Integer.toString(text.version()), "sha256", text.sha256()));
        return new ConsentText(text.kind().name(), text.version(), text.text(), text.sha256());
    }

    public EOnayRecorded submit(Actor actor, String sessionId, EOnaySubmission submission) throws Refusal {
        DeskSessionRecord session = eOnaySession(actor, sessionId);
        ConsentTexts.Kind kind = kind(submission.kind());
        ConsentTexts.Text text = ConsentTexts.current(kind);
        Instant now = clock.instant();
        if (submission.textVersion() == null || submission.textVersion() != text.version()) {
            throw new Refusal(Kind.CONFLICT, "EONAY_TEXT_VERSION", "The text changed; show the citizen the current version and sign again.",
                    Map.of("currentVersion", Integer.toString(text.version())));
        }
        if (submission.readAt() == null || submission.readAt().isBefore(session.startedAt().minus(CLOCK_SKEW))
                || submission.readAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw Refusal.invalid("readAt", "readAt must fall inside this session.");
        }
        byte[] cms = decode(submission.signature());
        String state = statusOf(session.citizen()).state();
        if (kind == ConsentTexts.Kind.CONSENT && "GIVEN".equals(state)) {
            throw new Refusal(Kind.CONFLICT, "EONAY_ALREADY_GIVEN", "The citizen has already given E-Onay.");
        }
        if (kind == ConsentTexts.Kind.WITHDRAWAL && !"GIVEN".equals(state)) {
            throw new Refusal(Kind.CONFLICT, "EONAY_NOT_GIVEN", "There is no E-Onay to withdraw.");
        }
        if (!trust.configured()) {
            throw new Refusal(Kind.UNAVAILABLE, "EONAY_NOT_CONFIGURED", "E-Onay verification is not configured (no trust anchor).");
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("session", session.id());
        details.put("kind", kind.name());
        details.put("version", Integer.toString(text.version()));
        ConsentVerifier.Verified verified;
        try {
            verified = ConsentVerifier.verify(cms, text.bytes(), session.citizen().value(), session.startedAt().minus(CLOCK_SKEW),
                    now.plus(CLOCK_SKEW), trust.current());
        } catch (Rejection rejected) {
            if (!rejected.detail().isEmpty()) {
                details.put("why", rejected.detail());
            }
            audit.append(actor, EOnayAudit.EONAY_SUBMIT, rejected.code().name(), details);
            throw new Refusal(Kind.UNPROCESSABLE, rejected.code().name(), rejected.fallback());
        }
        details.put("certificate", verified.signer().getSerialNumber().toString(16));
        details.put("signatureSha256", verified.signatureSha256());
        details.put("revocationCheckedBy", verified.revocationSource().name());
        if (records.signatureKnown(verified.signatureSha256())) {
            audit.append(actor, EOnayAudit.EONAY_SUBMIT, Rejection.Code.EONAY_REPLAY.name(), details);
            throw new Refusal(Kind.CONFLICT, Rejection.Code.EONAY_REPLAY.name(), Rejection.Code.EONAY_REPLAY.fallback());
        }
        if (submission.readAt().isAfter(verified.signingTime().plus(CLOCK_SKEW))) {
            throw Refusal.invalid("readAt", "readAt must come before the signing time.");
        }
        EOnayRecord record = new EOnayRecord(UUID.randomUUID().toString(), session.citizen(), kind.name(), text.version(),
                session.id(), verified.signer().getSerialNumber().toString(16),
                verified.signer().getIssuerX500Principal().getName(), submission.readAt(), verified.signingTime(), now,
                verified.signatureSha256(), Base64.getEncoder().encodeToString(cms));
        records.record(record);
        sessions.transition(session, SessionState.COMPLETED, null);
        audit.append(actor, EOnayAudit.EONAY_SUBMIT, "RECORDED", details);
        return new EOnayRecorded(record.id(), kind == ConsentTexts.Kind.CONSENT ? "GIVEN" : "WITHDRAWN", verified.signingTime(), now);
    }

    private DeskSessionRecord eOnaySession(Actor actor, String sessionId) throws Refusal {
        return sessions.openSession(actor, sessionId, EOnayOperation.ID);
    }

    private static ConsentTexts.Kind kind(String kind) throws Refusal {
        try {
            return ConsentTexts.Kind.valueOf(String.valueOf(kind));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("kind", "kind must be CONSENT or WITHDRAWAL.");
        }
    }

    private static byte[] decode(String signature) throws Refusal {
        try {
            if (signature == null || signature.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("signature", "signature must be a base64 CMS.");
        }
    }
}
