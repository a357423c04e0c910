package org.regdesk.server.registry.internal;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.regdesk.backend.api.v1.CardSignInChallenge;
import org.regdesk.backend.api.v1.CardSignInRequest;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.server.codes.internal.AttemptWindow;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.desk.Refusal;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.JdbcAttemptWindows;
import org.regdesk.server.store.Operator;
import org.regdesk.server.store.OperatorCards;
import org.regdesk.server.store.Operators;

/**
 * Operators sign in with their own card: the desk asks for a challenge (single use, this desk only, 60 s), the card
 * signs {@link CardSignInRequest#signedMessage} with the operator's key after the operator's PIN, and the certificate
 * must be one enrolled for an active operator, not withdrawn, valid now. Every refusal counts against the desk's
 * sign-in limit (taken before the check) and is audited; the audit never holds the certificate, only a fingerprint.
 */
public final class OperatorCardSignIn {

    static final Duration CHALLENGE_LIFETIME = Duration.ofSeconds(60);

    private final OperatorCards cards;
    private final Operators operators;
    private final OperatorAccess access;
    private final AuditService audit;
    private final Clock clock;
    private final SecureRandom random;
    private final AttemptWindow failures;

    public OperatorCardSignIn(Database database, OperatorAccess access, AuditService audit, Clock clock, SecureRandom random) {
        this.cards = new OperatorCards(database);
        this.operators = new Operators(database);
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
        this.failures = new JdbcAttemptWindows(database).window("operator-card-sign-in-desk", Duration.ofMinutes(10), 5);
    }

    public CardSignInChallenge challenge(String deskId) throws Refusal {
        access.requireActiveDesk(deskId);
        Instant now = clock.instant();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        cards.challenge(OperatorAccess.sha256(challenge), deskId, now, now.plus(CHALLENGE_LIFETIME));
        return new CardSignInChallenge(challenge, deskId, now.plus(CHALLENGE_LIFETIME));
    }

    public OperatorSignedIn signIn(String deskId, CardSignInRequest request) throws Refusal {
        access.requireActiveDesk(deskId);
        if (request.challenge() == null || request.challenge().length() > 100 || request.certificate() == null
                || request.certificate().length() > 20_000 || request.signature() == null || request.signature().length() > 2_000) {
            throw Refusal.invalid("certificate", "challenge, certificate (base64 DER) and signature (base64) are required.");
        }
        Instant now = clock.instant();
        AttemptWindow.Attempt attempt = failures.reserve(deskId, now).orElseThrow(Refusals::tooManyAttempts);
        if (!cards.takeChallenge(OperatorAccess.sha256(request.challenge()), deskId, now)) {
            throw refused(deskId, "-", "CHALLENGE_INVALID", Map.of());
        }
        X509Certificate certificate;
        byte[] signature;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(request.certificate())));
            signature = Base64.getDecoder().decode(request.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw refused(deskId, "-", "CARD_CERTIFICATE_INVALID", Map.of());
        }
        String fingerprint = OperatorCards.fingerprint(certificate);
        Map<String, String> which = Map.of("certificate", fingerprint.substring(0, 16));
        Optional<OperatorCards.Enrolled> enrolled = cards.find(fingerprint);
        if (enrolled.isEmpty()) {
            throw refused(deskId, "-", "CARD_NOT_ENROLLED", which);
        }
        String username = enrolled.get().username();
        if (enrolled.get().revoked() || !now.isBefore(certificate.getNotAfter().toInstant())
                || now.isBefore(certificate.getNotBefore().toInstant())) {
            throw refused(deskId, username, "CARD_CERTIFICATE_INVALID", which);
        }
        if (!verifies(certificate, CardSignInRequest.signedMessage(deskId, request.challenge()), signature)) {
            throw refused(deskId, username, "CARD_SIGNATURE_INVALID", which);
        }
        Operator operator = operators.find(username).filter(Operator::active)
                .orElseThrow(() -> refused(deskId, username, "OPERATOR_INACTIVE", which));
        failures.releaseOnCommit(attempt);
        return access.startSession(operator, deskId, now, Map.of("role", operator.role().name(), "method", "CARD",
                "certificate", fingerprint.substring(0, 16)));
    }

    private Refusal refused(String deskId, String operator, String code, Map<String, String> details) {
        audit.append(operator, deskId, CoreAudit.OPERATOR_SIGN_IN, code, details);
        return new Refusal(Refusal.Kind.UNAUTHENTICATED, code, switch (code) {
        case "CHALLENGE_INVALID" -> "The sign-in challenge was used, has expired or belongs to another desk; start again.";
        case "CARD_NOT_ENROLLED" -> "This card's certificate is not enrolled for any operator.";
        case "CARD_SIGNATURE_INVALID" -> "The card's signature does not verify.";
        case "OPERATOR_INACTIVE" -> "This operator account is not active.";
        default -> "The card's certificate is not valid now or was withdrawn.";
        });
    }

    /** SHA-256 with the certificate's key: RSA PKCS#1 v1.5, or ECDSA as DER or as the r|s a PKCS#11 token returns. */
    static boolean verifies(X509Certificate certificate, byte[] message, byte[] signature) {
        try {
            boolean ec = certificate.getPublicKey() instanceof ECPublicKey;
            Signature verifier = Signature.getInstance(ec ? "SHA256withECDSA" : "SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(message);
            int size = ec ? (((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize() + 7) / 8 : 0;
            return verifier.verify(ec && signature.length == 2 * size ? der(signature, size) : signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** r|s (each {@code size} bytes) as the DER SEQUENCE of two INTEGERs the JDK verifies. */
    private static byte[] der(byte[] raw, int size) {
        byte[] r = new BigInteger(1, Arrays.copyOfRange(raw, 0, size)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(raw, size, 2 * size)).toByteArray();
        int length = 2 + r.length + 2 + s.length;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0x30);
        if (length > 127) {
            out.write(0x81);
        }
        out.write(length);
        out.write(0x02);
        out.write(r.length);
        out.writeBytes(r);
        out.write(0x02);
        out.write(s.length);
        out.writeBytes(s);
        return out.toByteArray();
    }
}
