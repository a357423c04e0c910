package org.regdesk.backend.tests;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.regdesk.card.api.CardCertificate;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardIdentity;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.DigestAlgorithm;
import org.regdesk.card.api.PinStatus;
import org.regdesk.card.api.UnblockAuthorization;
import org.regdesk.card.api.UnblockChallenge;

/**
 * A key in memory behind the card SPI, for the E-Onay certificate cases a real test card cannot have
 * (expired, revoked, wrong key usage, another CA): it signs as the reference card does, PKCS#1 v1.5 over
 * the DigestInfo, so the signature is built by the same {@code ConsentSigner} code.
 */
final class SoftwareKeyCard implements CardSession {

    final KeyPair keys;
    private X509Certificate certificate;

    SoftwareKeyCard() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    SoftwareKeyCard withCertificate(X509Certificate issued) {
        certificate = issued;
        return this;
    }

    CardCertificate cardCertificate() {
        return new CardCertificate("01", certificate);
    }

    @Override
    public byte[] sign(String keyId, DigestAlgorithm algorithm, byte[] digest) throws CardException {
        try {
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(algorithm.digestInfo(digest));
            return rsa.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new CardException(CardException.Reason.IO, e.getMessage(), e);
        }
    }

    @Override
    public List<CardCertificate> certificates() {
        return List.of(cardCertificate());
    }

    @Override
    public CardIdentity identity() {
        return new CardIdentity("SOFT", "", "software key", Optional.empty(), Optional.empty());
    }

    @Override
    public PinStatus pinStatus() {
        return PinStatus.ofTriesLeft(3);
    }

    @Override
    public void verifyPin(char[] pin) {
    }

    @Override
    public void changePin(char[] oldPin, char[] newPin) throws CardException {
        throw new CardException(CardException.Reason.UNSUPPORTED, "software key");
    }

    @Override
    public UnblockChallenge unblockChallenge() throws CardException {
        throw new CardException(CardException.Reason.UNSUPPORTED, "software key");
    }

    @Override
    public void unblock(UnblockAuthorization authorization, char[] newPin) throws CardException {
        throw new CardException(CardException.Reason.UNSUPPORTED, "software key");
    }

    @Override
    public void close() {
    }
}
