package org.regdesk.card.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Exclusive use of one card, opened by its driver. Every method either completes or throws; a card
 * pulled in the middle leaves it in the state before or after the operation, never a third.
 * PIN arrays belong to the caller, who wipes them.
 */
@ProviderType
public interface CardSession extends AutoCloseable {

    CardIdentity identity();

    /** Reads the PIN state without using a try. */
    PinStatus pinStatus() throws CardException;

    void verifyPin(char[] pin) throws CardException;

    void changePin(char[] oldPin, char[] newPin) throws CardException;

    /** A fresh single-use challenge, for cards that unblock by challenge-response. */
    UnblockChallenge unblockChallenge() throws CardException;

    /** Resets the PIN counter and sets {@code newPin} in one step; also creates the first PIN. */
    void unblock(UnblockAuthorization authorization, char[] newPin) throws CardException;

    List<CardCertificate> certificates() throws CardException;

    /** Signs a digest with the key of {@code keyId}; needs the PIN verified in this session. */
    byte[] sign(String keyId, DigestAlgorithm algorithm, byte[] digest) throws CardException;

    /** Ends the session; the card forgets the verified PIN. */
    @Override
    void close();
}
