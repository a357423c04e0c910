package org.regdesk.card.pcsc.internal;

import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardException.Reason;

/** ISO 7816-4 status words of the reference card profile, and what each means to an operator. */
final class StatusWords {

    static final int OK = 0x9000;
    static final int PIN_NOT_SET = 0x6A88;
    static final int PIN_BLOCKED = 0x6983;
    static final int SECURITY_STATUS_NOT_SATISFIED = 0x6982;
    static final int CONDITIONS_NOT_SATISFIED = 0x6985;
    static final int WRONG_DATA = 0x6A80;

    private StatusWords() {
    }

    static int of(byte[] response) {
        if (response.length < 2) {
            return -1;
        }
        return ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
    }

    static boolean isWrongPin(int statusWord) {
        return (statusWord & 0xFFF0) == 0x63C0;
    }

    /** Errors every PIN command shares; returns normally for 9000. */
    static void checkPinCommand(int statusWord, String operation) throws CardException {
        if (statusWord == OK) {
            return;
        }
        if (isWrongPin(statusWord)) {
            int left = statusWord & 0x0F;
            throw new CardException(left == 0 ? Reason.PIN_BLOCKED : Reason.WRONG_PIN,
                    left == 0 ? "Wrong PIN; the PIN is now blocked" : "Wrong PIN; " + left + " tries left", left, null);
        }
        throw unexpected(statusWord, operation);
    }

    static CardException unexpected(int statusWord, String operation) {
        return switch (statusWord) {
        case PIN_NOT_SET -> new CardException(Reason.PIN_NOT_SET, "The card has no PIN yet");
        case PIN_BLOCKED -> new CardException(Reason.PIN_BLOCKED, "The PIN is blocked", 0, null);
        case WRONG_DATA -> new CardException(Reason.PIN_POLICY, "The new PIN must be 6 to 12 digits");
        case SECURITY_STATUS_NOT_SATISFIED -> new CardException(Reason.PIN_NOT_VERIFIED, operation + " needs the PIN first");
        default -> new CardException(Reason.IO, operation + " failed with status " + hex(statusWord));
        };
    }

    static String hex(int statusWord) {
        return String.format("%04X", statusWord);
    }
}
