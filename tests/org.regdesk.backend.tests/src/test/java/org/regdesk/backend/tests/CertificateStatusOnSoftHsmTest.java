package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.regdesk.card.contract.SoftHsmTokens;
import org.regdesk.card.reference.TestPki;
import org.regdesk.server.ca.reference.internal.ReferenceCaAssembly;
import org.regdesk.server.keys.PrivateFiles;

/**
 * Every certificate-status check of {@link CertificateStatusTest} with the CA key on a PKCS#11 token
 * (SoftHSM2), as a CA keeps it in an HSM: the CRLs and the delegated responder's certificate are signed
 * by the token through SunPKCS11, and OpenSSL verifies them as before. Runs in its own JVM (surefire
 * execution {@code ca-key-on-softhsm}): SoftHSM2 reads its token folder once per process, and the
 * card tests of this module make their own tokens.
 */
class CertificateStatusOnSoftHsmTest extends CertificateStatusTest {

    private static final String LABEL = "RDCA";
    private static final String USER_PIN = "246810";

    /** Sensitive and not extractable: the key can sign on the token but never be read out of it. */
    private static final String NON_EXTRACTABLE = """
            attributes(*,CKO_PRIVATE_KEY,*) = {
              CKA_SENSITIVE = true
              CKA_EXTRACTABLE = false
            }
            """;

    private Path pinFile;

    @Override
    TestBackend.CaKeyPlace caKeyPlace(Path folder) throws Exception {
        SoftHsmTokens.emptyTokenFolder();
        SoftHsmTokens.initToken(LABEL, "12345678", USER_PIN);
        pinFile = folder.resolve("ca-token.pin");
        PrivateFiles.write(pinFile, USER_PIN);
        return (pki, caFolder, issued, database, clock) -> {
            // A key ceremony generates the key inside the HSM; the test CA's key is imported instead, so that
            // the certificates the tests issue chain to the key the token signs with.
            KeyStore token = tokenKeystore("RegDeskCaImport");
            token.setKeyEntry("ca", pki.caKey(), null, new Certificate[] { pki.caCertificate() });
            return ReferenceCaAssembly.pkcs11(TestPki.Endpoints.DEMO.caId(), Path.of(SoftHsmTokens.MODULE), 0, pinFile, "",
                    issued, Duration.ofHours(24), database, clock);
        };
    }

    @Test
    void theCaKeyIsOnTheTokenAndCannotBeReadOut() throws Exception {
        Key key = tokenKeystore("RegDeskCaCheck").getKey("ca", null);
        assertTrue(key instanceof PrivateKey, "the token holds the CA key: " + key);
        assertNull(key.getEncoded(), "a sensitive token key has no encoding to hand out");
    }

    private static KeyStore tokenKeystore(String name) throws Exception {
        Provider sunPkcs11 = Security.getProvider("SunPKCS11");
        Provider token = sunPkcs11.configure("--name=" + name + "\nlibrary=" + SoftHsmTokens.MODULE + "\nslotListIndex=0\n"
                + NON_EXTRACTABLE);
        KeyStore keystore = KeyStore.getInstance("PKCS11", token);
        keystore.load(null, USER_PIN.toCharArray());
        return keystore;
    }
}
