package org.regdesk.server.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;

/** A PKCS#11 token (an HSM; SoftHSM2 in tests) opened as a JDK keystore through SunPKCS11: keys stay on the token. */
public final class Pkcs11Keystores {

    private Pkcs11Keystores() {
    }

    /**
     * @param name a name for the provider instance (shown in JDK errors)
     * @param library the vendor's PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so
     * @param slotIndex the token's place in the module's slot list
     */
    public static KeyStore open(String name, Path library, int slotIndex, char[] pin) throws GeneralSecurityException {
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
}
