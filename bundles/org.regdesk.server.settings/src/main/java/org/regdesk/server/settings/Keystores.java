package org.regdesk.server.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Collections;
import java.util.Optional;

/**
 * The keystores settings name: a PKCS#12 file opened with its password, or a PKCS#11 token (an HSM; SoftHSM2 in
 * tests) opened as a JDK keystore through SunPKCS11, where keys stay on the token.
 */
public final class Keystores {

    private Keystores() {
    }

    /** Opens a PKCS#12 file; a missing file or a wrong password is reported with the file's name. */
    public static KeyStore pkcs12(Path file, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        } catch (IOException e) {
            throw new IOException(file + " cannot be opened (missing file or wrong password): " + e.getMessage(), e);
        }
        return store;
    }

    /**
     * @param name a name for the provider instance (shown in JDK errors)
     * @param library the vendor's PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so
     * @param slotIndex the token's place in the module's slot list
     */
    public static KeyStore pkcs11(String name, Path library, int slotIndex, char[] pin) throws GeneralSecurityException {
        if (!Files.isRegularFile(library)) {
            throw new GeneralSecurityException("the PKCS#11 module " + library + " does not exist");
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new GeneralSecurityException("this Java runtime has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
        }
        Provider token = base.configure("--name=" + name + "\nlibrary=" + library + "\nslotListIndex=" + slotIndex + "\n");
        KeyStore keystore = KeyStore.getInstance("PKCS11", token);
        try {
            keystore.load(null, pin);
        } catch (IOException e) {
            throw new GeneralSecurityException("the token in slot index " + slotIndex + " of " + library
                    + " refused the PIN or cannot be opened: " + e.getMessage(), e);
        }
        return keystore;
    }

    /** The alias of the first entry that holds a private or secret key, if any. */
    public static Optional<String> firstKeyAlias(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return Optional.of(alias);
            }
        }
        return Optional.empty();
    }
}
