package org.regdesk.server.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Arrays;
import java.security.Provider;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The card key service over a keystore's AES master key: a secret-key entry of a PKCS#12 file, or a key on a
 * PKCS#11 token (an HSM), where it never leaves the token: only the one-block diversification runs there, the
 * card keys made from it live for one call in this process.
 */
public final class KeystoreCardKeyService implements CardKeyService {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final SecretKey masterKey;
    /** The token's provider for an HSM key, null for a key in memory. */
    private final Provider provider;

    private KeystoreCardKeyService(SecretKey masterKey, Provider provider) {
        this.masterKey = masterKey;
        this.provider = provider;
    }

    /**
     * Writes a PKCS#12 keystore holding the AES-128 master key as a secret-key entry: for a development
     * server (a random key) and the demo card tooling (the key the demo cards were made with).
     */
    public static void writeKeystore(Path file, char[] password, String alias, byte[] masterKey)
            throws GeneralSecurityException, IOException {
        if (masterKey.length != CardKeys.BLOCK) {
            throw new IllegalArgumentException("the master key is AES-128 (16 bytes)");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setEntry(alias, new KeyStore.SecretKeyEntry(new javax.crypto.spec.SecretKeySpec(masterKey, "AES")),
                new KeyStore.PasswordProtection(password));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }

    /** Opens the keystore; a wrong path, password or alias is reported with what to fix. */
    public static KeystoreCardKeyService open(Path keystore, char[] password, String alias) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            Key key = store.getKey(alias, password);
            if (key == null || !"AES".equalsIgnoreCase(key.getAlgorithm()) || key.getEncoded().length != CardKeys.BLOCK) {
                throw new GeneralSecurityException("Keystore " + keystore + " has no AES-128 key '" + alias + "'");
            }
            return new KeystoreCardKeyService(new SecretKeySpec(key.getEncoded(), "AES"), null);
        } catch (IOException e) {
            throw new GeneralSecurityException("Card master keystore " + keystore
                    + " cannot be opened (missing file or wrong password): " + e.getMessage(), e);
        }
    }

    /** The master key {@code alias} on an opened PKCS#11 token; sensitive keys stay there. */
    public static KeystoreCardKeyService onToken(KeyStore token, String alias) throws GeneralSecurityException {
        if (!(token.getKey(alias, null) instanceof SecretKey key) || !"AES".equalsIgnoreCase(key.getAlgorithm())) {
            throw new GeneralSecurityException("the token has no AES key labelled '" + alias + "'");
        }
        return new KeystoreCardKeyService(key, token.getProvider());
    }

    /** AES-ECB of one block under the master key, on the token when it lives on one. */
    private byte[] diversify(byte[] input) throws GeneralSecurityException {
        Cipher cipher = provider == null ? Cipher.getInstance("AES/ECB/NoPadding")
                : Cipher.getInstance("AES/ECB/NoPadding", provider);
        cipher.init(Cipher.ENCRYPT_MODE, masterKey);
        return cipher.doFinal(CardKeys.diversificationBlock(input));
    }

    @Override
    public byte[] unblockCryptogram(byte[] cardSerial, byte[] challenge) throws GeneralSecurityException {
        byte[] cardKey = diversify(cardSerial);
        try {
            return CardKeys.cmacOfOneBlock(cardKey, challenge);
        } finally {
            Arrays.fill(cardKey, (byte) 0);
        }
    }

    /** AES-128-GCM under a key derived from the master key for this one purpose; the serial is the AAD. */
    @Override
    public String seal(String cardSerial, byte[] secret) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        javax.crypto.Cipher cipher = sealingCipher(javax.crypto.Cipher.ENCRYPT_MODE, iv, cardSerial);
        byte[] sealed = cipher.doFinal(secret);
        byte[] out = new byte[iv.length + sealed.length];
        System.arraycopy(iv, 0, out, 0, iv.length);
        System.arraycopy(sealed, 0, out, iv.length, sealed.length);
        return "v1:" + java.util.Base64.getEncoder().encodeToString(out);
    }

    @Override
    public byte[] open(String cardSerial, String sealed) throws GeneralSecurityException {
        if (sealed == null || !sealed.startsWith("v1:")) {
            throw new GeneralSecurityException("not a sealed value of this service");
        }
        byte[] in = java.util.Base64.getDecoder().decode(sealed.substring(3));
        if (in.length < 12 + 16) {
            throw new GeneralSecurityException("sealed value is truncated");
        }
        javax.crypto.Cipher cipher = sealingCipher(javax.crypto.Cipher.DECRYPT_MODE, Arrays.copyOf(in, 12), cardSerial);
        return cipher.doFinal(in, 12, in.length - 12);
    }

    private javax.crypto.Cipher sealingCipher(int mode, byte[] iv, String cardSerial) throws GeneralSecurityException {
        byte[] key = diversify("SEAL-SO-PIN".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        try {
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new javax.crypto.spec.SecretKeySpec(key, "AES"), new javax.crypto.spec.GCMParameterSpec(128, iv));
            cipher.updateAAD(cardSerial.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
