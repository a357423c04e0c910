package org.regdesk.server.registry;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.regdesk.backend.api.Purpose;
import org.regdesk.backend.api.Tckn;
import org.regdesk.backend.api.v1.CompletionRequest;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.backend.api.v1.OtpSent;
import org.regdesk.backend.api.v1.RegisteredCard;
import org.regdesk.backend.api.v1.SessionState;
import org.regdesk.backend.api.v1.SignInRequest;
import org.regdesk.backend.api.v1.UnblockAuthorizationGrant;
import org.regdesk.backend.api.v1.UnblockAuthorizationRequest;
import org.regdesk.server.audit.internal.AuditTrail;
import org.regdesk.server.codes.internal.AttemptWindow;
import org.regdesk.server.codes.internal.VerificationCodes;
import org.regdesk.server.http.ApiException;
import org.regdesk.server.keys.CardKeyService;
import org.regdesk.server.otp.internal.SmsGateway;
import org.regdesk.server.otp.internal.SmsOneTimeCodes;
import org.regdesk.server.otp.internal.SmsText;
import org.regdesk.server.store.CardRecord;
import org.regdesk.server.store.Cards;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.Citizens;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.DeskSessionRecord;
import org.regdesk.server.store.DeskSessions;
import org.regdesk.server.store.JdbcAuditStore;
import org.regdesk.server.store.JdbcCodeStore;
import org.regdesk.server.store.Operator;
import org.regdesk.server.store.OperatorSession;
import org.regdesk.server.store.Operators;
import org.regdesk.server.store.PasswordHashes;
import org.regdesk.server.store.SoPins;
import org.regdesk.server.store.UnblockAuthorizationRecord;

/**
 * The registry's rules, independent of HTTP: operator sign-in, desk sessions opened with a citizen's
 * verification code or by an operator who checked the ID document, the SMS one-time code, and the
 * single-use unblock authorization for one card challenge. Every step, refused ones included, goes
 * into the audit trail with the operator's and desk's identity; secrets never do.
 */
public final class Registry {

    public static final Duration SESSION_LIFETIME = Duration.ofMinutes(15);
    public static final Duration SIGN_IN_LIFETIME = Duration.ofHours(10);
    static final int AUTHORIZATIONS_PER_SESSION = 3;
    static final String PORTAL = "portal";
    static final String CITIZEN = "citizen";

    private final Database database;
    private final Clock clock;
    private final SecureRandom random;
    private final CardKeyService keys;
    private final Citizens citizens;
    private final Cards cards;
    private final Operators operators;
    private final DeskSessions sessions;
    private final VerificationCodes codes;
    private final SmsOneTimeCodes otp;
    private final AuditTrail audit;
    private final AttemptWindow signInFailures = new AttemptWindow(Duration.ofMinutes(10), 5);
    private final AttemptWindow identityFailures = new AttemptWindow(Duration.ofMinutes(10), 5);
    private final String decoyHash = PasswordHashes.decoy();

    public Registry(Database database, CardKeyService keys, SmsGateway sms, SmsText smsText, byte[] codeHashKey, Clock clock,
            SecureRandom random) {
        this.database = database;
        this.clock = clock;
        this.random = random;
        this.keys = keys;
        this.citizens = new Citizens(database);
        this.cards = new Cards(database);
        this.operators = new Operators(database);
        this.sessions = new DeskSessions(database);
        this.codes = new VerificationCodes(new JdbcCodeStore(database), codeHashKey, clock, random);
        this.otp = new SmsOneTimeCodes(sms, smsText, clock, random);
        this.audit = new AuditTrail(clock, new JdbcAuditStore(database));
    }

    /**
     * One request's steps in one database transaction: they commit together, or a fault rolls them all
     * back. Audit records commit on their own (refusals and aborted steps stay recorded).
     */
    public <T> T inOneTransaction(Database.Unit<T, ApiException> unit) throws ApiException {
        return database.unit(unit);
    }

    // ---- operators and desks -------------------------------------------------------------------

    public OperatorSignedIn signIn(String deskId, SignInRequest request) throws ApiException {
        Instant now = clock.instant();
        requireDesk(deskId, "-");
        if (signInFailures.exhausted(deskId, now)) {
            audit.append(safe(request.username()), deskId, "OPERATOR_SIGN_IN", "TOO_MANY_ATTEMPTS", Map.of());
            throw Refusals.tooManyAttempts();
        }
        String username = request.username();
        String password = request.password();
        if (username == null || username.isBlank() || username.length() > 64 || password == null || password.length() > 200) {
            throw Refusals.invalid("username", "Kullanıcı adı ve parola gereklidir.", "User name and password are required.");
        }
        Optional<Operator> operator = operators.find(username);
        boolean matches = PasswordHashes.matches(password.toCharArray(), operator.map(Operator::passwordHash).orElse(decoyHash));
        if (operator.isEmpty() || !matches || !operator.get().active()) {
            signInFailures.record(deskId, now);
            audit.append(safe(username), deskId, "OPERATOR_SIGN_IN", "REFUSED", Map.of());
            throw Refusals.wrongCredentials();
        }
        byte[] token = new byte[32];
        random.nextBytes(token);
        String bearer = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        Instant expires = now.plus(SIGN_IN_LIFETIME);
        operators.startSession(sha256(bearer), username, deskId, now, expires);
        audit.append(username, deskId, "OPERATOR_SIGN_IN", "OK", Map.of("role", operator.get().role().name()));
        return new OperatorSignedIn(bearer, username, operator.get().displayName(), operator.get().role().name(), deskId, expires);
    }

    /** The operator behind a bearer token, only from the desk that signed in. */
    public Actor actor(String deskId, Optional<String> authorization) throws ApiException {
        String header = authorization.orElse("");
        Optional<OperatorSession> session = header.startsWith("Bearer ") && header.length() <= 200
                ? operators.session(sha256(header.substring(7).trim())) : Optional.empty();
        if (session.isEmpty() || !session.get().deskId().equals(deskId) || !session.get().deskActive()) {
            requireDesk(deskId, "-"); // an unknown desk is told so; a known one just needs to sign in
        }
        if (session.isEmpty() || session.get().ended() || !clock.instant().isBefore(session.get().expiresAt())
                || !session.get().deskId().equals(deskId) || !session.get().operator().active()) {
            throw Refusals.signInRequired();
        }
        return new Actor(session.get().operator().username(), session.get().operator().role(), deskId);
    }

    public void signOut(Actor actor, String authorization) {
        operators.endSession(sha256(authorization.substring(7).trim()), clock.instant());
        audit.append(actor.operator(), actor.desk(), "OPERATOR_SIGN_OUT", "OK", Map.of());
    }

    private void requireDesk(String deskId, String operator) throws ApiException {
        if (operators.desk(deskId).filter(desk -> desk.active()).isEmpty()) {
            audit.append(operator, safe(deskId), "DESK_CHECK", "UNKNOWN_DESK", Map.of());
            throw Refusals.unknownDesk();
        }
    }

    // ---- desk sessions ---------------------------------------------------------------------------

    public DeskSession openSession(Actor actor, OpenSessionRequest request) throws ApiException {
        requireServingRole(actor);
        Purpose purpose = purpose(request.purpose());
        Instant now = clock.instant();
        Citizen citizen;
        String kind;
        if (request.verificationCode() != null && request.tckn() == null && request.idDocumentNumber() == null) {
            VerificationCodes.Redemption redemption = codes.redeem(request.verificationCode(), purpose, actor.desk());
            if (redemption instanceof VerificationCodes.Redemption.Refused refused) {
                audit.append(actor.operator(), actor.desk(), "SESSION_OPEN", refused.reason().name(),
                        Map.of("kind", "CODE", "purpose", purpose.name()));
                throw Refusals.code(refused.reason().name());
            }
            Tckn tckn = ((VerificationCodes.Redemption.Accepted) redemption).citizen();
            citizen = citizens.find(tckn).orElseThrow(Refusals::citizenUnknown);
            kind = "CODE";
        } else if (request.verificationCode() == null && request.tckn() != null && request.idDocumentNumber() != null) {
            citizen = checkIdentity(actor, request.tckn(), request.idDocumentNumber(), now);
            kind = "ASSISTED";
        } else {
            throw Refusals.invalid("verificationCode", "Vatandaşın doğrulama kodu ya da T.C. Kimlik No ile kimlik belgesi numarası gereklidir.",
                    "Give either the citizen's verification code, or the TCKN and the ID document number.");
        }
        DeskSessionRecord session = new DeskSessionRecord(UUID.randomUUID().toString(), citizen.tckn(), purpose, kind,
                actor.desk(), actor.operator(), "OPEN", now, now.plus(SESSION_LIFETIME), Optional.empty(), Optional.empty(),
                Optional.empty());
        sessions.insert(session);
        audit.append(actor.operator(), actor.desk(), "SESSION_OPEN", "ACCEPTED", Map.of("session", session.id(), "kind", kind,
                "purpose", purpose.name(), "citizen", citizen.tckn().masked()));
        return view(session, citizen);
    }

    private Citizen checkIdentity(Actor actor, String tcknText, String document, Instant now) throws ApiException {
        if (identityFailures.exhausted(actor.desk(), now)) {
            throw Refusals.tooManyAttempts();
        }
        if (!Tckn.isValid(tcknText)) {
            throw Refusals.invalid("tckn", "T.C. Kimlik No geçersiz (11 hane, doğru kontrol haneleri).",
                    "Not a valid TCKN (11 digits with correct check digits).");
        }
        Optional<Citizen> citizen = citizens.find(new Tckn(tcknText));
        boolean matches = citizen.isPresent()
                && citizen.get().idDocumentNumber().equalsIgnoreCase(document.strip());
        if (!matches) {
            identityFailures.record(actor.desk(), now);
            audit.append(actor.operator(), actor.desk(), "SESSION_OPEN", citizen.isEmpty() ? "CITIZEN_UNKNOWN" : "IDENTITY_MISMATCH",
                    Map.of("kind", "ASSISTED", "citizen", new Tckn(tcknText).masked()));
            throw citizen.isEmpty() ? Refusals.citizenUnknown() : Refusals.identityMismatch();
        }
        return citizen.get();
    }

    public DeskSession session(Actor actor, String sessionId) throws ApiException {
        DeskSessionRecord session = load(actor, sessionId);
        return view(session, citizens.find(session.citizen()).orElseThrow(Refusals::citizenUnknown));
    }

    public OtpSent sendOtp(Actor actor, String sessionId) throws ApiException {
        DeskSessionRecord session = loadOpen(actor, sessionId);
        if (!"OPEN".equals(session.state())) {
            throw Refusals.sessionClosed(session.state());
        }
        Citizen citizen = citizens.find(session.citizen()).orElseThrow(Refusals::citizenUnknown);
        try {
            SmsOneTimeCodes.Sent sent = otp.send(session.id(), citizen.phone());
            audit.append(actor.operator(), actor.desk(), "OTP_SEND", sent.sent() ? "SENT" : "COOLDOWN",
                    Map.of("session", session.id()));
            return new OtpSent(sent.sent(), citizen.phone().masked(), sent.expiresAt(), sent.resendAllowedAt());
        } catch (SmsGateway.SmsException e) {
            audit.append(actor.operator(), actor.desk(), "OTP_SEND", "SMS_UNAVAILABLE", Map.of("session", session.id()));
            throw Refusals.smsUnavailable();
        }
    }

    public SessionState verifyOtp(Actor actor, String sessionId, String code) throws ApiException {
        DeskSessionRecord session = loadOpen(actor, sessionId);
        if ("OTP_VERIFIED".equals(session.state())) {
            // the desk lost the answer to its own successful verification and asks again: same answer
            audit.append(actor.operator(), actor.desk(), "OTP_VERIFY", "ALREADY_VERIFIED", Map.of("session", session.id()));
            return new SessionState(session.id(), "OTP_VERIFIED", clock.instant());
        }
        if (!"OPEN".equals(session.state())) {
            throw Refusals.sessionClosed(session.state());
        }
        SmsOneTimeCodes.Check check = otp.check(session.id(), code);
        audit.append(actor.operator(), actor.desk(), "OTP_VERIFY", check.outcome().name(),
                Map.of("session", session.id(), "attemptsLeft", Integer.toString(check.attemptsLeft())));
        if (check.outcome() != SmsOneTimeCodes.Outcome.ACCEPTED) {
            throw Refusals.otp(check.outcome().name(), check.attemptsLeft());
        }
        Instant now = clock.instant();
        if (!sessions.transition(session.id(), "OPEN", "OTP_VERIFIED", now, null)) {
            throw Refusals.sessionClosed("CHANGED");
        }
        return new SessionState(session.id(), "OTP_VERIFIED", now);
    }

    public UnblockAuthorizationGrant authorizeUnblock(Actor actor, String sessionId, UnblockAuthorizationRequest request)
            throws ApiException {
        DeskSessionRecord session = loadOpen(actor, sessionId);
        if (session.purpose() != Purpose.PIN_UNBLOCK) {
            throw Refusals.wrongPurpose();
        }
        if (!"OTP_VERIFIED".equals(session.state())) {
            throw Refusals.otpRequired();
        }
        String serial = request.cardSerial();
        if (serial == null || !serial.matches("[A-Za-z0-9-]{1,32}")) {
            throw Refusals.invalid("cardSerial", "Kart seri numarası geçersiz.", "Invalid card serial number.");
        }
        CardRecord card = cards.find(serial).filter(found -> found.holder().equals(session.citizen()))
                .orElseThrow(() -> {
                    audit.append(actor.operator(), actor.desk(), "UNBLOCK_AUTHORIZE", "CARD_NOT_OF_CITIZEN",
                            Map.of("session", session.id(), "card", serial));
                    return Refusals.cardNotOfCitizen();
                });
        List<UnblockAuthorizationRecord> earlier = sessions.authorizations(session.id());
        if (earlier.size() >= AUTHORIZATIONS_PER_SESSION) {
            audit.append(actor.operator(), actor.desk(), "UNBLOCK_AUTHORIZE", "LIMIT", Map.of("session", session.id()));
            throw Refusals.authorizationLimit();
        }
        String authorizationId = UUID.randomUUID().toString();
        UnblockAuthorizationGrant grant;
        String challengeHash = null;
        try {
            if (CardRecord.REFERENCE.equals(card.profile())) {
                byte[] challenge = hex(request.challenge(), 16, "challenge");
                challengeHash = HexFormat.of().formatHex(digest(challenge));
                byte[] cryptogram = keys.unblockCryptogram(serial.getBytes(StandardCharsets.US_ASCII), challenge);
                grant = new UnblockAuthorizationGrant(authorizationId, "CRYPTOGRAM", HexFormat.of().formatHex(cryptogram),
                        null, null, false);
            } else {
                grant = soPinRotation(authorizationId, serial);
            }
        } catch (GeneralSecurityException e) {
            audit.append(actor.operator(), actor.desk(), "UNBLOCK_AUTHORIZE", "KEY_SERVICE_UNAVAILABLE",
                    Map.of("session", session.id(), "card", serial));
            throw Refusals.keyServiceUnavailable();
        }
        sessions.insertAuthorization(new UnblockAuthorizationRecord(authorizationId, session.id(), serial, grant.kind(),
                challengeHash, clock.instant(), Optional.empty()));
        audit.append(actor.operator(), actor.desk(), "UNBLOCK_AUTHORIZE", "GRANTED", Map.of("session", session.id(),
                "card", serial, "kind", grant.kind(), "authorization", authorizationId));
        return grant;
    }

    /**
     * The token's SO PIN and the next one it is rotated to. The next one is recorded (sealed) before it
     * is handed out and only replaces the current one when the desk confirms; until then both are kept,
     * and a repeated request gets the same pair, so no fault between desk and token loses the SO PIN.
     */
    private UnblockAuthorizationGrant soPinRotation(String authorizationId, String serial) throws GeneralSecurityException,
            ApiException {
        if (cards.soPins(serial).isEmpty()) {
            throw new ApiException(409, "CARD_NOT_PROVISIONED", "Bu kartın yönetici PIN kaydı yok; kart merkeze gönderilmelidir.",
                    "This token has no SO PIN on record; it must be sent to the CA.");
        }
        String next = randomSoPin();
        SoPins pins = cards.beginRotation(serial, keys.seal(serial, next.getBytes(StandardCharsets.US_ASCII)));
        String current = new String(keys.open(serial, pins.currentSealed()), StandardCharsets.US_ASCII);
        String pending = new String(keys.open(serial, pins.pendingSealed().orElseThrow()), StandardCharsets.US_ASCII);
        return new UnblockAuthorizationGrant(authorizationId, "SO_PIN_ROTATION", null, current, pending,
                pins.pendingHandedOutBefore());
    }

    private String randomSoPin() {
        StringBuilder pin = new StringBuilder(16);
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        for (int i = 0; i < 16; i++) {
            pin.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return pin.toString();
    }

    public SessionState complete(Actor actor, String sessionId, CompletionRequest request) throws ApiException {
        DeskSessionRecord session = load(actor, sessionId);
        if (request.authorizationId() == null || request.outcome() == null) {
            throw Refusals.invalid("authorizationId", "Yetki numarası ve sonuç gereklidir.", "authorizationId and outcome are required.");
        }
        String outcome = request.outcome();
        if (!outcome.equals("SUCCEEDED") && !outcome.equals("FAILED")) {
            throw Refusals.invalid("outcome", "Sonuç SUCCEEDED veya FAILED olmalıdır.", "outcome must be SUCCEEDED or FAILED.");
        }
        String reason = request.reason() == null ? "" : request.reason();
        if (!reason.matches("[A-Z_]{0,40}")) {
            throw Refusals.invalid("reason", "Sebep kodu geçersiz.", "reason must be an upper-case code.");
        }
        UnblockAuthorizationRecord authorization = sessions.authorizations(session.id()).stream()
                .filter(found -> found.id().equals(request.authorizationId())).findFirst()
                .orElseThrow(Refusals::authorizationUnknown);
        Instant now = clock.instant();
        if (!sessions.completeAuthorization(authorization.id(), outcome, now)) {
            throw Refusals.alreadyReported();
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("session", session.id());
        details.put("card", authorization.cardSerial());
        details.put("authorization", authorization.id());
        if (!reason.isEmpty()) {
            details.put("reason", reason);
        }
        if (outcome.equals("SUCCEEDED")) {
            if ("SO_PIN_ROTATION".equals(authorization.kind())) {
                cards.confirmRotation(authorization.cardSerial());
            }
            sessions.transition(session.id(), "OTP_VERIFIED", "COMPLETED", now, authorization.cardSerial());
            audit.append(actor.operator(), actor.desk(), "UNBLOCK_COMPLETE", "SUCCEEDED", details);
            return new SessionState(session.id(), "COMPLETED", now);
        }
        audit.append(actor.operator(), actor.desk(), "UNBLOCK_COMPLETE", "FAILED", details);
        return new SessionState(session.id(), session.state(), now);
    }

    public SessionState abort(Actor actor, String sessionId) throws ApiException {
        DeskSessionRecord session = load(actor, sessionId);
        Instant now = clock.instant();
        if (!session.open() || !sessions.transition(session.id(), session.state(), "ABORTED", now, null)) {
            throw Refusals.sessionClosed(session.state());
        }
        audit.append(actor.operator(), actor.desk(), "SESSION_ABORT", "ABORTED", Map.of("session", session.id()));
        return new SessionState(session.id(), "ABORTED", now);
    }

    private DeskSessionRecord load(Actor actor, String sessionId) throws ApiException {
        requireServingRole(actor);
        if (sessionId == null || !sessionId.matches("[0-9a-f-]{36}")) {
            throw Refusals.sessionUnknown();
        }
        // another desk's session is "unknown" here: no hint that it exists
        return sessions.find(sessionId).filter(found -> found.deskId().equals(actor.desk()))
                .orElseThrow(Refusals::sessionUnknown);
    }

    /** An open, unexpired session of this desk, for the E-Onay steps ({@link EOnayDesk}). */
    DeskSessionRecord openSessionOf(Actor actor, String sessionId) throws ApiException {
        return loadOpen(actor, sessionId);
    }

    void audit(Actor actor, String action, String outcome, Map<String, String> details) {
        audit.append(actor.operator(), actor.desk(), action, outcome, details);
    }

    private DeskSessionRecord loadOpen(Actor actor, String sessionId) throws ApiException {
        DeskSessionRecord session = load(actor, sessionId);
        if (!session.open()) {
            throw Refusals.sessionClosed(session.state());
        }
        if (!clock.instant().isBefore(session.expiresAt())) {
            audit.append(actor.operator(), actor.desk(), "SESSION_EXPIRED", "EXPIRED", Map.of("session", session.id()));
            throw Refusals.sessionExpired();
        }
        return session;
    }

    private DeskSession view(DeskSessionRecord session, Citizen citizen) {
        List<RegisteredCard> registered = cards.ofHolder(citizen.tckn()).stream()
                .map(card -> new RegisteredCard(card.serial(), card.profile(), card.certificateNotAfter().orElse(null)))
                .toList();
        return new DeskSession(session.id(), session.purpose().name(), session.kind(), session.state(), citizen.fullName(),
                citizen.tckn().value(), citizen.birthDate(), citizen.phone().masked(), session.expiresAt(), registered);
    }

    static void requireServingRole(Actor actor) throws ApiException {
        if (actor.role() == Operator.Role.AUDITOR) {
            throw Refusals.roleNotAllowed(actor.role().name());
        }
    }

    private static Purpose purpose(String text) throws ApiException {
        try {
            return Purpose.valueOf(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw Refusals.invalid("purpose", "İşlem türü PIN_UNBLOCK veya E_ONAY olmalıdır.", "purpose must be PIN_UNBLOCK or E_ONAY.");
        }
    }

    private static byte[] hex(String text, int length, String field) throws ApiException {
        if (text == null || !text.matches("[0-9a-fA-F]{" + (2 * length) + "}")) {
            throw Refusals.invalid(field, field + " " + length + " baytlık onaltılık değer olmalıdır.",
                    field + " must be " + length + " bytes in hex.");
        }
        return HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT));
    }

    // ---- the citizen portal ----------------------------------------------------------------------

    /** A new verification code for the signed-in citizen; empty when the hourly limit is reached. */
    public Optional<VerificationCodes.IssuedCode> issueCode(Tckn citizen, Purpose purpose) {
        Optional<VerificationCodes.IssuedCode> issued = codes.issue(citizen, purpose);
        audit.append(CITIZEN, PORTAL, "CODE_ISSUE", issued.isPresent() ? "ISSUED" : "LIMIT",
                Map.of("citizen", citizen.masked(), "purpose", purpose.name()));
        return issued;
    }

    public Optional<Citizen> citizen(Tckn tckn) {
        return citizens.find(tckn);
    }

    /** The citizen's latest desk session for the purpose, for "completed at the desk" on the portal. */
    public Optional<DeskSessionRecord> latestSession(Tckn citizen, Purpose purpose) {
        return sessions.latest(citizen, purpose);
    }

    public Optional<String> eOnayState(Tckn citizen) {
        return sessions.eOnayState(citizen);
    }

    public void auditPortal(String action, String outcome, Map<String, String> details) {
        audit.append(CITIZEN, PORTAL, action, outcome, details);
    }

    // ---- audit -----------------------------------------------------------------------------------

    public Map<String, Object> auditCheck(Actor actor) throws ApiException {
        requireAuditRole(actor);
        List<org.regdesk.server.audit.internal.AuditRecord> records = audit.records();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("records", records.size());
        result.put("firstBroken", AuditTrail.firstBroken(records).orElse(null));
        return result;
    }

    public String auditExport(Actor actor) throws ApiException {
        requireAuditRole(actor);
        StringWriter out = new StringWriter();
        try {
            audit.exportJsonLines(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        audit.append(actor.operator(), actor.desk(), "AUDIT_EXPORT", "OK", Map.of());
        return out.toString();
    }

    private static void requireAuditRole(Actor actor) throws ApiException {
        if (actor.role() == Operator.Role.OPERATOR) {
            throw Refusals.roleNotAllowed(actor.role().name());
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A user-supplied value fit for the audit log: bounded and printable. */
    private static String safe(String value) {
        if (value == null) {
            return "-";
        }
        String cleaned = value.replaceAll("[^\\p{L}\\p{N}._@-]", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
