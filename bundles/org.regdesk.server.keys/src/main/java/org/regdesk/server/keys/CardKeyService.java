package org.regdesk.server.keys;

import java.security.GeneralSecurityException;

import org.osgi.annotation.versioning.ConsumerType;

/** Computes unblock cryptograms without ever handing out the master key or a card key. */
@ConsumerType
public interface CardKeyService {

    /** AES-CMAC of the card's 16-byte challenge under the key diversified for {@code cardSerial}. */
    byte[] unblockCryptogram(byte[] cardSerial, byte[] challenge) throws GeneralSecurityException;
}
