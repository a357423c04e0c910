package org.regdesk.card.api;

import java.util.Objects;
import java.util.OptionalInt;

/** The PIN's state as the card reports it, read without using a try. */
public record PinStatus(State state, OptionalInt triesLeft) {

    public enum State {
        /** Tries left, more than one. */
        READY,
        /** One try left: the next wrong PIN blocks the card. */
        FINAL_TRY,
        BLOCKED,
        /** A new card: no PIN yet. */
        NOT_SET
    }

    public PinStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(triesLeft, "triesLeft");
    }

    /** The status for a counter; 0 tries is blocked, 1 the final try. */
    public static PinStatus ofTriesLeft(int tries) {
        State state = tries <= 0 ? State.BLOCKED : tries == 1 ? State.FINAL_TRY : State.READY;
        return new PinStatus(state, OptionalInt.of(Math.max(0, tries)));
    }
}
