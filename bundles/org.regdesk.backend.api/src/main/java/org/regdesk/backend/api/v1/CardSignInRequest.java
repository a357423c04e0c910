package org.regdesk.backend.api.v1;

import java.nio.charset.StandardCharsets;

/**
 * POST /api/v1/operators/sign-in/card: the operator's certificate from the card (base64 DER) and the card's signature
 * (base64) over the SHA-256 of {@link #signedMessage}: RSA PKCS#1 v1.5, or ECDSA as DER or as r|s.
 */
public record CardSignInRequest(String challenge, String certificate, String signature) {

    /**
     * What the card signs: the purpose, the desk and the challenge, so a signature made for this sign-in is good for
     * nothing else (not at another desk, not as a consent).
     */
    public static byte[] signedMessage(String deskId, String challenge) {
        return ("RegDesk operator sign-in\n" + deskId + "\n" + challenge).getBytes(StandardCharsets.UTF_8);
    }
}
