package org.regdesk.card.reference;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The backend side of the reference card's admin key: per-card keys diversified from a master key
 * by the card serial, and the unblock cryptogram answering a card challenge. Only the backend (and
 * the personalization tool) ever hold these keys.
 */
public final class AdminKeys {

    private AdminKeys() {
    }

    /** AES-128-ECB of the serial number, padded ISO/IEC 9797-1 method 2, under the master key. */
    public static byte[] diversify(byte[] masterKey, byte[] serialNumber) throws GeneralSecurityException {
        if (serialNumber.length == 0 || serialNumber.length > ReferenceCardProfile.MAX_SERIAL_LENGTH - 1) {
            throw new IllegalArgumentException("serial number must be 1-15 bytes");
        }
        byte[] block = new byte[16];
        System.arraycopy(serialNumber, 0, block, 0, serialNumber.length);
        block[serialNumber.length] = (byte) 0x80;
        return aes(masterKey, block);
    }

    /**
     * The cryptogram that lets a card with {@code cardKey} reset its PIN once for this challenge:
     * AES-CMAC (RFC 4493) of the 16-byte challenge, i.e. one complete block, under the card key.
     */
    public static byte[] unblockCryptogram(byte[] cardKey, byte[] challenge) throws GeneralSecurityException {
        if (challenge.length != ReferenceCardProfile.CHALLENGE_LENGTH) {
            throw new IllegalArgumentException("challenge must be 16 bytes");
        }
        byte[] subkey = shiftLeftWithReduction(aes(cardKey, new byte[16])); // K1 from L = AES(K, 0)
        byte[] block = challenge.clone();
        for (int i = 0; i < 16; i++) {
            block[i] ^= subkey[i];
        }
        Arrays.fill(subkey, (byte) 0);
        return aes(cardKey, block);
    }

    /** RFC 4493 subkey step: shift the block left by one bit; if the top bit fell out, XOR 0x87. */
    static byte[] shiftLeftWithReduction(byte[] block) {
        byte[] shifted = new byte[16];
        for (int i = 0; i < 16; i++) {
            shifted[i] = (byte) ((block[i] << 1) | (i < 15 ? (block[i + 1] & 0xFF) >>> 7 : 0));
        }
        if ((block[0] & 0x80) != 0) {
            shifted[15] ^= (byte) 0x87;
        }
        return shifted;
    }

    private static byte[] aes(byte[] key, byte[] block) throws GeneralSecurityException {
        if (key.length != 16) {
            throw new IllegalArgumentException("AES-128 key must be 16 bytes");
        }
        Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        try {
            return cipher.doFinal(block);
        } finally {
            Arrays.fill(block, (byte) 0);
        }
    }
}
