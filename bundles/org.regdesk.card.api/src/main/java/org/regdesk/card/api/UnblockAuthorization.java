package org.regdesk.card.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * Permission from the backend to set a new PIN without the old one. Neither kind carries anything
 * the operator or the citizen could reuse: a cryptogram works once for one challenge, a one-time SO
 * PIN is replaced by the next one in the same session.
 */
public sealed interface UnblockAuthorization {

    /** Wipes secrets this authorization holds; call it after use. */
    void destroy();

    /** Challenge-response cards: the backend's answer to {@link CardSession#unblockChallenge()}. */
    record Cryptogram(byte[] value) implements UnblockAuthorization {
        public Cryptogram {
            value = Objects.requireNonNull(value, "value").clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public void destroy() {
            Arrays.fill(value, (byte) 0);
        }
    }

    /**
     * PKCS#11 tokens: the driver logs in as security officer with {@code oneTimeSoPin}, sets the user
     * PIN and changes the SO PIN to {@code nextSoPin} in the same session. {@code tokenMayHaveNext}: an
     * earlier write with this pair was never confirmed (the token may have been pulled after the
     * rotation), so a token that refuses {@code oneTimeSoPin} is tried with {@code nextSoPin}. Without
     * it a replayed pair stays refused.
     */
    record SecurityOfficerPins(char[] oneTimeSoPin, char[] nextSoPin, boolean tokenMayHaveNext) implements UnblockAuthorization {
        public SecurityOfficerPins {
            Objects.requireNonNull(oneTimeSoPin, "oneTimeSoPin");
            Objects.requireNonNull(nextSoPin, "nextSoPin");
        }

        /** A fresh rotation: the token has the one-time SO PIN. */
        public SecurityOfficerPins(char[] oneTimeSoPin, char[] nextSoPin) {
            this(oneTimeSoPin, nextSoPin, false);
        }

        @Override
        public void destroy() {
            Arrays.fill(oneTimeSoPin, '\0');
            Arrays.fill(nextSoPin, '\0');
        }

        @Override
        public String toString() {
            return "SecurityOfficerPins[***]";
        }
    }
}
