package org.regdesk.card.reference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes the demo cards' test CA for a demo regdesk-server: its certificate as PEM (the E-Onay trust
 * anchor) and its key as PKCS#12 with the password in a file beside it (the reference CA's signing key,
 * which publishes the CRL and answers OCSP): {@code java ... DemoTrust <ca.pem> <ca.p12> <password file>}.
 */
public final class DemoTrust {

    private DemoTrust() {
    }

    public static void main(String[] arguments) throws Exception {
        if (arguments.length != 3) {
            System.out.println("usage: DemoTrust <ca.pem> <ca.p12> <password file>");
            System.exit(2);
        }
        TestCardFactory factory = new TestCardFactory(VirtualCardHost.DEMO_SEED);
        Files.writeString(Path.of(arguments[0]), pem("CERTIFICATE", factory.testCaCertificate().getEncoded()));
        String password = "demo-ca"; // a demo key from a published seed: the password protects nothing
        factory.pki().writeCaKeystore(Path.of(arguments[1]), password.toCharArray());
        // the reference CA reads passwords only from owner-only files
        Files.deleteIfExists(Path.of(arguments[2]));
        org.regdesk.server.keys.PrivateFiles.write(Path.of(arguments[2]), password);
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
