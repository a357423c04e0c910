package org.regdesk.server.keys;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reference card profile's key arithmetic, shared by the key service and the personalization
 * tool: card key = AES-128(master, serial padded ISO/IEC 9797-1 method 2); cryptogram = AES-CMAC
 * (RFC 4493) of the challenge, which is exactly one block.
 */
public final class CardKeys {

    public static final int BLOCK = 16;

    private CardKeys() {
    }

    public static byte[] diversify(byte[] masterKey, byte[] serialNumber) throws GeneralSecurityException {
        return aes(masterKey, diversificationBlock(serialNumber));
    }

    /** What the master key encrypts to make a card's key: the serial, 0x80, zeros to one AES block. */
    public static byte[] diversificationBlock(byte[] serialNumber) {
        if (serialNumber.length == 0 || serialNumber.length > BLOCK - 1) {
            throw new IllegalArgumentException("serial number must be 1-15 bytes");
        }
        byte[] block = new byte[BLOCK];
        System.arraycopy(serialNumber, 0, block, 0, serialNumber.length);
        block[serialNumber.length] = (byte) 0x80;
        return block;
    }

    public static byte[] cmacOfOneBlock(byte[] key, byte[] message) throws GeneralSecurityException {
        if (message.length != BLOCK) {
            throw new IllegalArgumentException("challenge must be 16 bytes");
        }
        byte[] subkey = shiftLeftWithReduction(aes(key, new byte[BLOCK])); // K1 from L = AES(K, 0)
        byte[] block = message.clone();
        for (int i = 0; i < BLOCK; i++) {
            block[i] ^= subkey[i];
        }
        Arrays.fill(subkey, (byte) 0);
        return aes(key, block);
    }

    /** RFC 4493 subkey step: shift the block left by one bit; if the top bit fell out, XOR 0x87. */
    static byte[] shiftLeftWithReduction(byte[] block) {
        byte[] shifted = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            shifted[i] = (byte) ((block[i] << 1) | (i < BLOCK - 1 ? (block[i + 1] & 0xFF) >>> 7 : 0));
        }
        if ((block[0] & 0x80) != 0) {
            shifted[BLOCK - 1] ^= (byte) 0x87;
        }
        return shifted;
    }

    private static byte[] aes(byte[] key, byte[] block) throws GeneralSecurityException {
        if (key.length != BLOCK) {
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
