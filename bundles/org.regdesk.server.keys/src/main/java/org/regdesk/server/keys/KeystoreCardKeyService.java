package org.regdesk.server.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Arrays;

/**
 * The development key service: the AES master key is a secret-key entry of a PKCS#12 keystore file.
 * Production replaces it with an HSM-backed {@link CardKeyService}.
 */
public final class KeystoreCardKeyService implements CardKeyService {

    private final byte[] masterKey;

    private KeystoreCardKeyService(byte[] masterKey) {
        this.masterKey = masterKey;
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
            return new KeystoreCardKeyService(key.getEncoded());
        } catch (IOException e) {
            throw new GeneralSecurityException("Card master keystore " + keystore
                    + " cannot be opened (missing file or wrong password): " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] unblockCryptogram(byte[] cardSerial, byte[] challenge) throws GeneralSecurityException {
        byte[] cardKey = CardKeys.diversify(masterKey, cardSerial);
        try {
            return CardKeys.cmacOfOneBlock(cardKey, challenge);
        } finally {
            Arrays.fill(cardKey, (byte) 0);
        }
    }
}
