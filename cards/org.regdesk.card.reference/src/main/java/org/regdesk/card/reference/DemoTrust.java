package org.regdesk.card.reference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes the demo cards' test CA certificate and its (empty) CRL as PEM, the E-Onay trust a demo
 * regdesk-server reads: {@code java ... DemoTrust <ca.pem> <ca.crl>}.
 */
public final class DemoTrust {

    private DemoTrust() {
    }

    public static void main(String[] arguments) throws Exception {
        if (arguments.length != 2) {
            System.out.println("usage: DemoTrust <ca.pem> <ca.crl>");
            System.exit(2);
        }
        TestCardFactory factory = new TestCardFactory(VirtualCardHost.DEMO_SEED);
        Files.writeString(Path.of(arguments[0]), pem("CERTIFICATE", factory.testCaCertificate().getEncoded()));
        Files.writeString(Path.of(arguments[1]), pem("X509 CRL", factory.crl().getEncoded()));
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
