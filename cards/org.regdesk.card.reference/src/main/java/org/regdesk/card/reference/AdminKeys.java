package org.regdesk.card.reference;

import java.security.GeneralSecurityException;

import org.regdesk.server.keys.CardKeys;

/**
 * The backend side of the reference card's admin key, for tests and personalization: the same
 * arithmetic the server's {@code CardKeyService} uses ({@link CardKeys}), with the keys in hand.
 */
public final class AdminKeys {

    private AdminKeys() {
    }

    /** The card's admin key: AES-128 of the padded serial number under the master key. */
    public static byte[] diversify(byte[] masterKey, byte[] serialNumber) throws GeneralSecurityException {
        return CardKeys.diversify(masterKey, serialNumber);
    }

    /** AES-CMAC (RFC 4493) of the card's 16-byte challenge under its admin key. */
    public static byte[] unblockCryptogram(byte[] cardKey, byte[] challenge) throws GeneralSecurityException {
        return CardKeys.cmacOfOneBlock(cardKey, challenge);
    }
}
