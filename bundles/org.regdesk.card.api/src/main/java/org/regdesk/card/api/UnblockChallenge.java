package org.regdesk.card.api;

import java.util.Objects;

/**
 * A card's single-use challenge for a challenge-response unblock. The backend answers it with a
 * {@link UnblockAuthorization.Cryptogram} bound to this challenge and this card.
 */
public record UnblockChallenge(String cardSerialNumber, byte[] challenge) {
    public UnblockChallenge {
        Objects.requireNonNull(cardSerialNumber, "cardSerialNumber");
        challenge = Objects.requireNonNull(challenge, "challenge").clone();
    }

    @Override
    public byte[] challenge() {
        return challenge.clone();
    }
}
