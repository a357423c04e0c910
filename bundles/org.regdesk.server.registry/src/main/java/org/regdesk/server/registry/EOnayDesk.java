package org.regdesk.server.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.regdesk.backend.api.Purpose;
import org.regdesk.backend.api.Tckn;
import org.regdesk.backend.api.v1.CertificateApplication;
import org.regdesk.backend.api.v1.CertificateApplicationRequest;
import org.regdesk.backend.api.v1.ConsentText;
import org.regdesk.backend.api.v1.EOnayRecorded;
import org.regdesk.backend.api.v1.EOnayStatus;
import org.regdesk.backend.api.v1.EOnaySubmission;
import org.regdesk.server.eonay.ConsentTexts;
import org.regdesk.server.eonay.ConsentVerifier;
import org.regdesk.server.eonay.Rejection;
import org.regdesk.server.eonay.TrustFiles;
import org.regdesk.server.http.ApiException;
import org.regdesk.server.store.CardRecord;
import org.regdesk.server.store.CertificateApplicationRecord;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.Citizens;
import org.regdesk.server.store.Cards;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.DeskSessionRecord;
import org.regdesk.server.store.DeskSessions;
import org.regdesk.server.store.EOnayRecord;
import org.regdesk.server.store.EOnayRecords;

/**
 * E-Onay at the desk, over a session opened for E_ONAY: the status, the current text (its showing is
 * audited), and the signed consent or withdrawal, recorded only after {@link ConsentVerifier} accepted
 * it and its signature was never seen before. Certificate applications rest on a recorded consent; a
 * renewal waits until two months before the current certificate expires.
 */
public final class EOnayDesk {

    /** How far a desk's clock may be off the server's, for the signing and read times. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    static final int RENEWAL_LEAD_MONTHS = 2;

    private final Registry registry;
    private final TrustFiles trust;
    private final Clock clock;
    private final EOnayRecords records;
    private final DeskSessions sessions;
    private final Citizens citizens;
    private final Cards cards;

    public EOnayDesk(Registry registry, Database database, TrustFiles trust, Clock clock) {
        this.registry = registry;
        this.trust = trust;
        this.clock = clock;
        this.records = new EOnayRecords(database);
        this.sessions = new DeskSessions(database);
        this.citizens = new Citizens(database);
        this.cards = new Cards(database);
    }

    public EOnayStatus status(Actor actor, String sessionId) throws ApiException {
        return statusOf(eOnaySession(actor, sessionId).citizen());
    }

    /** For the portal: the citizen's own status. */
    public EOnayStatus statusOf(Tckn citizen) {
        Optional<EOnayRecord> current = records.current(citizen);
        return current.map(record -> new EOnayStatus("CONSENT".equals(record.kind()) ? "GIVEN" : "WITHDRAWN",
                record.recordedAt(), record.textVersion(), record.id())).orElse(new EOnayStatus("NONE", null, null, null));
    }

    public ConsentText text(Actor actor, String sessionId, String kind) throws ApiException {
        DeskSessionRecord session = eOnaySession(actor, sessionId);
        ConsentTexts.Text text = ConsentTexts.current(kind(kind));
        registry.audit(actor, "EONAY_TEXT_SHOWN", text.kind().name(), Map.of("session", session.id(), "version",
                Integer.toString(text.version()), "sha256", text.sha256()));
        return new ConsentText(text.kind().name(), text.version(), text.text(), text.sha256());
    }

    public EOnayRecorded submit(Actor actor, String sessionId, EOnaySubmission submission) throws ApiException {
        DeskSessionRecord session = eOnaySession(actor, sessionId);
        ConsentTexts.Kind kind = kind(submission.kind());
        ConsentTexts.Text text = ConsentTexts.current(kind);
        Instant now = clock.instant();
        if (submission.textVersion() == null || submission.textVersion() != text.version()) {
            throw new ApiException(409, "EONAY_TEXT_VERSION", "Metin değişti; vatandaşa güncel sürümü gösterip yeniden imzalatın.",
                    "The text changed; show the citizen the current version and sign again.",
                    Map.of("currentVersion", Integer.toString(text.version())));
        }
        if (submission.readAt() == null || submission.readAt().isBefore(session.startedAt().minus(CLOCK_SKEW))
                || submission.readAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw Refusals.invalid("readAt", "Okuma zamanı bu oturumun içinde olmalıdır.", "readAt must fall inside this session.");
        }
        byte[] cms = decode(submission.signature());
        String state = statusOf(session.citizen()).state();
        if (kind == ConsentTexts.Kind.CONSENT && "GIVEN".equals(state)) {
            throw new ApiException(409, "EONAY_ALREADY_GIVEN", "Vatandaş E-Onay'ı zaten vermiş.", "The citizen has already given E-Onay.");
        }
        if (kind == ConsentTexts.Kind.WITHDRAWAL && !"GIVEN".equals(state)) {
            throw new ApiException(409, "EONAY_NOT_GIVEN", "Geri çekilecek bir E-Onay yok.", "There is no E-Onay to withdraw.");
        }
        if (!trust.configured()) {
            throw new ApiException(503, "EONAY_NOT_CONFIGURED", "E-Onay doğrulaması yapılandırılmamış (güvenilen kök sertifika yok).",
                    "E-Onay verification is not configured (no trust anchor).");
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
            registry.audit(actor, "EONAY_SUBMIT", rejected.code().name(), details);
            throw new ApiException(422, rejected.code().name(), rejected.messageTr(), rejected.messageEn());
        }
        details.put("certificate", verified.signer().getSerialNumber().toString(16));
        details.put("signatureSha256", verified.signatureSha256());
        if (records.signatureKnown(verified.signatureSha256())) {
            registry.audit(actor, "EONAY_SUBMIT", Rejection.Code.EONAY_REPLAY.name(), details);
            Rejection replay = new Rejection(Rejection.Code.EONAY_REPLAY);
            throw new ApiException(409, replay.code().name(), replay.messageTr(), replay.messageEn());
        }
        if (submission.readAt().isAfter(verified.signingTime().plus(CLOCK_SKEW))) {
            throw Refusals.invalid("readAt", "Metin imzadan önce okunmuş olmalıdır.", "readAt must come before the signing time.");
        }
        EOnayRecord record = new EOnayRecord(UUID.randomUUID().toString(), session.citizen(), kind.name(), text.version(),
                session.id(), verified.signer().getSerialNumber().toString(16),
                verified.signer().getIssuerX500Principal().getName(), submission.readAt(), verified.signingTime(), now,
                verified.signatureSha256(), Base64.getEncoder().encodeToString(cms));
        records.record(record);
        sessions.transition(session.id(), session.state(), "COMPLETED", now, null);
        registry.audit(actor, "EONAY_SUBMIT", "RECORDED", details);
        return new EOnayRecorded(record.id(), kind == ConsentTexts.Kind.CONSENT ? "GIVEN" : "WITHDRAWN", verified.signingTime(), now);
    }

    public CertificateApplication apply(Actor actor, CertificateApplicationRequest request) throws ApiException {
        Registry.requireServingRole(actor);
        if (request.tckn() == null || !Tckn.isValid(request.tckn())) {
            throw Refusals.invalid("tckn", "Geçerli bir T.C. Kimlik No girin.", "Enter a valid TCKN.");
        }
        if (!"NEW".equals(request.kind()) && !"RENEWAL".equals(request.kind())) {
            throw Refusals.invalid("kind", "Başvuru türü NEW veya RENEWAL olmalıdır.", "kind must be NEW or RENEWAL.");
        }
        Tckn tckn = new Tckn(request.tckn());
        Citizen citizen = citizens.find(tckn).orElseThrow(Refusals::citizenUnknown);
        EOnayRecord consent = records.current(tckn).filter(record -> "CONSENT".equals(record.kind()))
                .orElseThrow(() -> new ApiException(409, "EONAY_REQUIRED",
                        "Vatandaşın E-Onay'ı yok: başvuru ıslak imzalı form ile yapılmalıdır.",
                        "The citizen has no E-Onay: the application needs a wet-signed form."));
        Instant now = clock.instant();
        Optional<CardRecord> current = Optional.empty();
        Instant readyAt = now;
        if ("RENEWAL".equals(request.kind())) {
            current = cards.ofHolder(tckn).stream().filter(card -> card.certificateNotAfter().isPresent())
                    .max(java.util.Comparator.comparing(card -> card.certificateNotAfter().get()));
            Instant notAfter = current.orElseThrow(() -> new ApiException(409, "NO_CURRENT_CERTIFICATE",
                    "Yenilenecek geçerli bir sertifika yok; yeni başvuru yapın.",
                    "There is no current certificate to renew; apply for a new one.")).certificateNotAfter().get();
            Instant lead = notAfter.atZone(ZoneOffset.UTC).minusMonths(RENEWAL_LEAD_MONTHS).toInstant();
            readyAt = lead.isAfter(now) ? lead : now;
        }
        CertificateApplicationRecord application = new CertificateApplicationRecord(UUID.randomUUID().toString(), tckn,
                request.kind(), consent.id(), current.map(CardRecord::serial), current.flatMap(CardRecord::certificateNotAfter),
                readyAt, now, actor.desk(), actor.operator());
        records.insertApplication(application);
        registry.audit(actor, "CERTIFICATE_APPLICATION", readyAt.isAfter(now) ? "WAITING" : "READY",
                Map.of("application", application.id(), "kind", request.kind(), "eOnay", consent.id()));
        return view(application, citizen, now);
    }

    public List<CertificateApplication> queue(Actor actor) throws ApiException {
        Registry.requireServingRole(actor);
        Instant now = clock.instant();
        return records.applications(500).stream()
                .map(application -> view(application, citizens.find(application.citizen()).orElseThrow(), now)).toList();
    }

    private static CertificateApplication view(CertificateApplicationRecord application, Citizen citizen, Instant now) {
        return new CertificateApplication(application.id(), application.citizen().value(), citizen.fullName(),
                application.kind(), "E_ONAY", application.readyAt().isAfter(now) ? "WAITING" : "READY", application.readyAt(),
                application.createdAt(), application.currentNotAfter().orElse(null));
    }

    private DeskSessionRecord eOnaySession(Actor actor, String sessionId) throws ApiException {
        DeskSessionRecord session = registry.openSessionOf(actor, sessionId);
        if (session.purpose() != Purpose.E_ONAY) {
            throw Refusals.wrongPurpose();
        }
        return session;
    }

    private static ConsentTexts.Kind kind(String kind) throws ApiException {
        try {
            return ConsentTexts.Kind.valueOf(String.valueOf(kind));
        } catch (IllegalArgumentException e) {
            throw Refusals.invalid("kind", "Tür CONSENT veya WITHDRAWAL olmalıdır.", "kind must be CONSENT or WITHDRAWAL.");
        }
    }

    private static byte[] decode(String signature) throws ApiException {
        try {
            if (signature == null || signature.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw Refusals.invalid("signature", "İmza base64 kodlu CMS olmalıdır.", "signature must be a base64 CMS.");
        }
    }
}
