package org.regdesk.card.api;

import java.util.Objects;
import java.util.OptionalInt;

/** Every card operation fails with this exception; {@link #reason()} tells the UI what to say. */
public class CardException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The PIN was wrong; {@link CardException#triesLeft()} says how many tries remain. */
        WRONG_PIN,
        /** The PIN is blocked; only an authorized unblock helps. No try was used. */
        PIN_BLOCKED,
        /** The card has no PIN yet; it must be created through an authorized unblock. */
        PIN_NOT_SET,
        /** The operation needs the PIN verified in this session first. */
        PIN_NOT_VERIFIED,
        /** The new PIN breaks the card's rules (length, digits only). Nothing changed on the card. */
        PIN_POLICY,
        /** The unblock authorization was wrong, replayed or for another card. Nothing changed. */
        AUTHORIZATION_REJECTED,
        /** The card left the reader (or the reader went away) during the operation. */
        CARD_REMOVED,
        /** The card or its driver cannot do this. */
        UNSUPPORTED,
        /** Card drivers are being changed (field update); nothing was sent to the card. Try again shortly. */
        BUSY,
        /** Any other communication or card failure. */
        IO
    }

    private final Reason reason;
    private final int triesLeft;

    public CardException(Reason reason, String message) {
        this(reason, message, -1, null);
    }

    public CardException(Reason reason, String message, Throwable cause) {
        this(reason, message, -1, cause);
    }

    /** @param triesLeft PIN tries left, or -1 when unknown */
    public CardException(Reason reason, String message, int triesLeft, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.triesLeft = triesLeft;
    }

    public Reason reason() {
        return reason;
    }

    public OptionalInt triesLeft() {
        return triesLeft < 0 ? OptionalInt.empty() : OptionalInt.of(triesLeft);
    }
}
