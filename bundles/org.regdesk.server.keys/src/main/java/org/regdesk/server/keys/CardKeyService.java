package org.regdesk.server.keys;

import java.security.GeneralSecurityException;

import org.osgi.annotation.versioning.ConsumerType;

/** Computes unblock cryptograms and seals card secrets without ever handing out the master key or a card key. */
@ConsumerType
public interface CardKeyService {

    /** AES-CMAC of the card's 16-byte challenge under the key diversified for {@code cardSerial}. */
    byte[] unblockCryptogram(byte[] cardSerial, byte[] challenge) throws GeneralSecurityException;

    /**
     * Seals a secret of one card (a PKCS#11 token's SO PIN) for storage in the database; the text is
     * useless without this service, and bound to the serial so it cannot be moved to another card.
     */
    String seal(String cardSerial, byte[] secret) throws GeneralSecurityException;

    /** Opens what {@link #seal} made for the same serial. */
    byte[] open(String cardSerial, String sealed) throws GeneralSecurityException;
}
