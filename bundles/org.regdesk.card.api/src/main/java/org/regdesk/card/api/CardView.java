package org.regdesk.card.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the workstation shows about a reader and its card, refreshed on every insert and removal.
 *
 * @param card     the card's identity and state, when a driver could read it
 * @param driverId the driver that read it
 * @param problem  why a present card could not be read (no driver, read error), for the operator
 */
public record CardView(CardReader reader, boolean cardPresent, Optional<CardIdentity> card, Optional<String> driverId,
        Optional<PinStatus> pinStatus, Optional<String> certificateSubject, Optional<Instant> certificateNotAfter,
        Optional<String> problem) {

    public CardView {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(driverId, "driverId");
        Objects.requireNonNull(pinStatus, "pinStatus");
        Objects.requireNonNull(certificateSubject, "certificateSubject");
        Objects.requireNonNull(certificateNotAfter, "certificateNotAfter");
        Objects.requireNonNull(problem, "problem");
    }

    public static CardView empty(CardReader reader) {
        return new CardView(reader, false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public static CardView unreadable(CardReader reader, String problem) {
        return new CardView(reader, true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(problem));
    }
}
