package org.regdesk.server.unblock.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.regdesk.backend.api.v1.CompletionRequest;
import org.regdesk.backend.api.v1.SessionState;
import org.regdesk.backend.api.v1.UnblockAuthorizationGrant;
import org.regdesk.backend.api.v1.UnblockAuthorizationRequest;
import org.regdesk.server.desk.Actor;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.desk.DeskSessionService;
import org.regdesk.server.desk.Refusal;
import org.regdesk.server.desk.Refusal.Kind;
import org.regdesk.server.keys.CardKeyService;
import org.regdesk.server.store.CardRecord;
import org.regdesk.server.store.Cards;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.DeskSessionRecord;
import org.regdesk.server.store.DeskSessions;
import org.regdesk.server.store.SoPins;
import org.regdesk.server.store.UnblockAuthorizationRecord;

/**
 * The single-use unblock authorization for one card of the session's citizen, once the SMS code is
 * confirmed: a cryptogram over the card's challenge (reference cards) or the SO PIN and the next one it
 * is rotated to (PKCS#11 tokens); then the desk's report of what the card did. The PUK or admin key
 * never leaves the key service.
 */
public final class CardUnblocking {

    static final int AUTHORIZATIONS_PER_SESSION = 3;

    private final DeskSessionService sessions;
    private final AuditService audit;
    private final CardKeyService keys;
    private final Cards cards;
    private final DeskSessions records;
    private final Clock clock;
    private final SecureRandom random;

    public CardUnblocking(DeskSessionService sessions, AuditService audit, CardKeyService keys, Database database, Clock clock,
            SecureRandom random) {
        this.sessions = sessions;
        this.audit = audit;
        this.keys = keys;
        this.cards = new Cards(database);
        this.records = new DeskSessions(database);
        this.clock = clock;
        this.random = random;
    }

    public UnblockAuthorizationGrant authorize(Actor actor, String sessionId, UnblockAuthorizationRequest request) throws Refusal {
        DeskSessionRecord session = sessions.openSession(actor, sessionId, UnblockOperation.ID);
        if (session.state() != org.regdesk.server.store.SessionState.OTP_VERIFIED) {
            throw new Refusal(Kind.CONFLICT, "OTP_REQUIRED", "The SMS verification code must be confirmed first.");
        }
        String serial = request.cardSerial();
        if (serial == null || !serial.matches("[A-Za-z0-9-]{1,32}")) {
            throw Refusal.invalid("cardSerial", "Invalid card serial number.");
        }
        Optional<CardRecord> found = cards.find(serial).filter(card -> card.holder().equals(session.citizen()));
        if (found.isEmpty()) {
            audit.append(actor, UnblockAudit.UNBLOCK_AUTHORIZE, "CARD_NOT_OF_CITIZEN", Map.of("session", session.id(), "card", serial));
            throw new Refusal(Kind.FORBIDDEN, "CARD_NOT_OF_CITIZEN", "This card does not belong to this citizen.");
        }
        List<UnblockAuthorizationRecord> earlier = records.authorizations(session.id());
        if (earlier.size() >= AUTHORIZATIONS_PER_SESSION) {
            audit.append(actor, UnblockAudit.UNBLOCK_AUTHORIZE, "LIMIT", Map.of("session", session.id()));
            throw new Refusal(Kind.TOO_MANY, "AUTHORIZATION_LIMIT",
                    "No card write attempts are left in this session. Start a new session.");
        }
        String authorizationId = UUID.randomUUID().toString();
        UnblockAuthorizationGrant grant;
        String challengeHash = null;
        try {
            if (CardRecord.REFERENCE.equals(found.get().profile())) {
                byte[] challenge = hex(request.challenge(), 16, "challenge");
                challengeHash = HexFormat.of().formatHex(sha256(challenge));
                byte[] cryptogram = keys.unblockCryptogram(serial.getBytes(StandardCharsets.US_ASCII), challenge);
                grant = new UnblockAuthorizationGrant(authorizationId, "CRYPTOGRAM", HexFormat.of().formatHex(cryptogram),
                        null, null, false);
            } else {
                grant = soPinRotation(authorizationId, serial);
            }
        } catch (GeneralSecurityException e) {
            audit.append(actor, UnblockAudit.UNBLOCK_AUTHORIZE, "KEY_SERVICE_UNAVAILABLE", Map.of("session", session.id(), "card", serial));
            throw new Refusal(Kind.UNAVAILABLE, "KEY_SERVICE_UNAVAILABLE", "The key service is unavailable. Please try again.");
        }
        records.insertAuthorization(new UnblockAuthorizationRecord(authorizationId, session.id(), serial, grant.kind(),
                challengeHash, clock.instant(), Optional.empty()));
        audit.append(actor, UnblockAudit.UNBLOCK_AUTHORIZE, "GRANTED", Map.of("session", session.id(), "card", serial, "kind",
                grant.kind(), "authorization", authorizationId));
        return grant;
    }

    /**
     * The token's SO PIN and the next one it is rotated to. The next one is recorded (sealed) before it
     * is handed out and only replaces the current one when the desk confirms; until then both are kept,
     * and a repeated request gets the same pair, so no fault between desk and token loses the SO PIN.
     */
    private UnblockAuthorizationGrant soPinRotation(String authorizationId, String serial) throws GeneralSecurityException, Refusal {
        if (cards.soPins(serial).isEmpty()) {
            throw new Refusal(Kind.CONFLICT, "CARD_NOT_PROVISIONED", "This token has no SO PIN on record; it must be sent to the CA.");
        }
        String next = randomSoPin();
        SoPins pins = cards.beginRotation(serial, keys.seal(serial, next.getBytes(StandardCharsets.US_ASCII)));
        String current = new String(keys.open(serial, pins.currentSealed()), StandardCharsets.US_ASCII);
        String pending = new String(keys.open(serial, pins.pendingSealed().orElseThrow()), StandardCharsets.US_ASCII);
        return new UnblockAuthorizationGrant(authorizationId, "SO_PIN_ROTATION", null, current, pending, pins.pendingHandedOutBefore());
    }

    private String randomSoPin() {
        StringBuilder pin = new StringBuilder(16);
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        for (int i = 0; i < 16; i++) {
            pin.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return pin.toString();
    }

    /** The desk's report of what the card did with an authorization; each is taken once. */
    public SessionState complete(Actor actor, String sessionId, CompletionRequest request) throws Refusal {
        DeskSessionRecord session = sessions.session(actor, sessionId, UnblockOperation.ID);
        if (request.authorizationId() == null || request.outcome() == null) {
            throw Refusal.invalid("authorizationId", "authorizationId and outcome are required.");
        }
        String outcome = request.outcome();
        if (!outcome.equals("SUCCEEDED") && !outcome.equals("FAILED")) {
            throw Refusal.invalid("outcome", "outcome must be SUCCEEDED or FAILED.");
        }
        String reason = request.reason() == null ? "" : request.reason();
        if (!reason.matches("[A-Z_]{0,40}")) {
            throw Refusal.invalid("reason", "reason must be an upper-case code.");
        }
        UnblockAuthorizationRecord authorization = records.authorizations(session.id()).stream()
                .filter(found -> found.id().equals(request.authorizationId())).findFirst()
                .orElseThrow(() -> new Refusal(Kind.NOT_FOUND, "AUTHORIZATION_UNKNOWN", "No such authorization in this session."));
        if (!records.completeAuthorization(authorization.id(), outcome, clock.instant())) {
            throw new Refusal(Kind.CONFLICT, "ALREADY_REPORTED", "The result of this card operation was already reported.");
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
            sessions.transition(session, org.regdesk.server.store.SessionState.COMPLETED, authorization.cardSerial());
            audit.append(actor, UnblockAudit.UNBLOCK_COMPLETE, "SUCCEEDED", details);
            return new SessionState(session.id(), org.regdesk.server.store.SessionState.COMPLETED.name(), clock.instant());
        }
        audit.append(actor, UnblockAudit.UNBLOCK_COMPLETE, "FAILED", details);
        return new SessionState(session.id(), session.state().name(), clock.instant());
    }

    private static byte[] hex(String text, int length, String field) throws Refusal {
        if (text == null || !text.matches("[0-9a-fA-F]{" + (2 * length) + "}")) {
            throw Refusal.invalid(field, field + " must be " + length + " bytes in hex.");
        }
        return HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
