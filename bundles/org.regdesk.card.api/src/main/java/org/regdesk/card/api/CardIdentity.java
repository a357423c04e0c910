package org.regdesk.card.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Who and what a card is.
 *
 * @param serialNumber the card's own serial number: the one key by which RegDesk knows a card
 * @param atr          answer-to-reset in upper-case hex, empty for tokens that have none
 * @param label        the card or token label
 * @param holderName   from the signing certificate's subject, when there is one
 * @param nationalId   the holder's TCKN from the certificate's serialNumber attribute
 */
public record CardIdentity(String serialNumber, String atr, String label, Optional<String> holderName,
        Optional<String> nationalId) {

    public CardIdentity {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(atr, "atr");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(nationalId, "nationalId");
        if (serialNumber.isBlank()) {
            throw new IllegalArgumentException("a card needs a serial number");
        }
    }
}
