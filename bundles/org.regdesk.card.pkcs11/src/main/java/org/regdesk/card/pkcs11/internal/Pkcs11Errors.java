package org.regdesk.card.pkcs11.internal;

import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardException.Reason;
import org.xipki.pkcs11.wrapper.PKCS11Exception;

/** PKCS#11 return values in the operator's terms. */
final class Pkcs11Errors {

    static final long CKR_PIN_INCORRECT = 0xA0;
    static final long CKR_PIN_INVALID = 0xA1;
    static final long CKR_PIN_LEN_RANGE = 0xA2;
    static final long CKR_PIN_LOCKED = 0xA4;
    static final long CKR_DEVICE_REMOVED = 0x32;
    static final long CKR_TOKEN_NOT_PRESENT = 0xE0;
    static final long CKR_USER_NOT_LOGGED_IN = 0x101;
    static final long CKR_USER_PIN_NOT_INITIALIZED = 0x102;
    static final long CKR_USER_ALREADY_LOGGED_IN = 0x100;

    private Pkcs11Errors() {
    }

    static CardException translate(PKCS11Exception e, String operation) {
        long code = e.getErrorCode();
        Reason reason;
        if (code == CKR_PIN_INCORRECT) {
            reason = Reason.WRONG_PIN;
        } else if (code == CKR_PIN_LOCKED) {
            reason = Reason.PIN_BLOCKED;
        } else if (code == CKR_PIN_INVALID || code == CKR_PIN_LEN_RANGE) {
            reason = Reason.PIN_POLICY;
        } else if (code == CKR_DEVICE_REMOVED || code == CKR_TOKEN_NOT_PRESENT) {
            reason = Reason.CARD_REMOVED;
        } else if (code == CKR_USER_NOT_LOGGED_IN) {
            reason = Reason.PIN_NOT_VERIFIED;
        } else if (code == CKR_USER_PIN_NOT_INITIALIZED) {
            reason = Reason.PIN_NOT_SET;
        } else {
            reason = Reason.IO;
        }
        return new CardException(reason, operation + " failed: " + e.getErrorName(), e);
    }
}
