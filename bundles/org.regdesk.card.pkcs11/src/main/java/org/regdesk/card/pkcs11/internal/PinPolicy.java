package org.regdesk.card.pkcs11.internal;

import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardException.Reason;

/** RegDesk's PIN rule for every token, whatever the token itself would accept: 6 to 12 digits. */
final class PinPolicy {

    private PinPolicy() {
    }

    static void check(char[] pin) throws CardException {
        if (pin.length < 6 || pin.length > 12) {
            throw new CardException(Reason.PIN_POLICY, "The PIN must be 6 to 12 digits");
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                throw new CardException(Reason.PIN_POLICY, "The PIN must be 6 to 12 digits");
            }
        }
    }
}
