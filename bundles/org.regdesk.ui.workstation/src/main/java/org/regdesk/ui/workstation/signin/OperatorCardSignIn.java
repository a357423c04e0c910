package org.regdesk.ui.workstation.signin;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.List;

import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.session.DeskSessions;
import org.regdesk.backend.api.v1.CardSignInChallenge;
import org.regdesk.backend.api.v1.CardSignInRequest;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.card.api.CardCertificate;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardService;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.DigestAlgorithm;

/**
 * The operator signs in with their own card: the registry's challenge for this desk, signed on the card with the
 * key of its sign-in certificate after the operator's PIN (verified once, in the same card session). Runs off the UI
 * thread; the caller wipes the PIN.
 */
public final class OperatorCardSignIn {

    /** Who signed in, and with which card: pulling that card signs the operator out. */
    public record SignedInWithCard(OperatorSignedIn operator, String cardSerial) {
    }

    private OperatorCardSignIn() {
    }

    public static SignedInWithCard signIn(CardService cards, DeskSessions registry, String cardSerial, char[] pin)
            throws CardException, RegistryException {
        try (CardSession session = cards.open(cardSerial)) {
            CardCertificate certificate = signInCertificate(session.certificates());
            CardSignInChallenge challenge = registry.cardSignInChallenge();
            session.verifyPin(pin);
            byte[] digest = sha256(CardSignInRequest.signedMessage(challenge.desk(), challenge.challenge()));
            byte[] signature = session.sign(certificate.keyId(), DigestAlgorithm.SHA256, digest);
            OperatorSignedIn operator = registry.signInWithCard(new CardSignInRequest(challenge.challenge(),
                    Base64.getEncoder().encodeToString(encoded(certificate)), Base64.getEncoder().encodeToString(signature)));
            return new SignedInWithCard(operator, cardSerial);
        }
    }

    /**
     * The card's certificate for signing in: one whose key usage allows digital signatures (an operator card's
     * authentication key), else the first (a card with one key); the registry decides whether it is enrolled.
     */
    static CardCertificate signInCertificate(List<CardCertificate> certificates) throws CardException {
        return certificates.stream().filter(card -> {
            boolean[] usage = card.certificate().getKeyUsage();
            return usage != null && usage[0];
        }).findFirst().or(() -> certificates.stream().findFirst())
                .orElseThrow(() -> new CardException(CardException.Reason.UNSUPPORTED, "the card holds no certificate"));
    }

    private static byte[] encoded(CardCertificate certificate) throws CardException {
        try {
            return certificate.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new CardException(CardException.Reason.IO, "the card's certificate cannot be encoded", e);
        }
    }

    private static byte[] sha256(byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
