package org.regdesk.backend.api.v1;

/**
 * What the card driver needs to reset the PIN, never shown to a person: for REFERENCE cards an AES-CMAC
 * {@code cryptogram} (hex) over the challenge; for PKCS11 tokens the current SO PIN and the next one
 * it is rotated to before C_InitPIN. The backend keeps both SO PINs until the desk confirms.
 *
 * @param kind CRYPTOGRAM or SO_PIN_ROTATION
 * @param nextSoPinHandedOutBefore the same next SO PIN went to a desk that never confirmed: the token may
 *        already have it (pulled after the rotation), so the driver may log in with it
 */
public record UnblockAuthorizationGrant(String authorizationId, String kind, String cryptogram, String soPin,
        String nextSoPin, boolean nextSoPinHandedOutBefore) {
    @Override
    public String toString() {
        return "UnblockAuthorizationGrant[" + authorizationId + ", " + kind + ", ***]";
    }
}
