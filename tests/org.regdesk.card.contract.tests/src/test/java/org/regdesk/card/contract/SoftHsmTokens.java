package org.regdesk.card.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;

import org.junit.jupiter.api.Assumptions;
import org.regdesk.card.pkcs11.internal.Pkcs11ReaderProvider;
import org.regdesk.card.reference.TestCardFactory;

/**
 * SoftHSM2 tokens RDTEST-01.. made with softhsm2-util and pkcs11-tool (OpenSC): user PIN 000000, an
 * RSA-2048 key with id 01 and a certificate from the test CA for it. SoftHSM2 reads its tokens when
 * the module is initialized, so all are made first, then the provider loads the module once.
 */
public final class SoftHsmTokens {

    public static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";

    private SoftHsmTokens() {
    }

    public static Pkcs11ReaderProvider create(int count, String soPin, TestCardFactory.Holder holder) throws Exception {
        Path tokens = emptyTokenFolder();
        TestCardFactory issuer = new TestCardFactory(11L);
        for (int i = 1; i <= count; i++) {
            String label = String.format("RDTEST-%02d", i);
            initToken(label, soPin, "000000");
            run("pkcs11-tool", "--module", MODULE, "--token-label", label, "--login", "--pin", "000000", "--keypairgen",
                    "--key-type", "rsa:2048", "--id", "01", "--label", "sign");
            Path publicKey = tokens.resolveSibling(label + ".pub.der");
            run("pkcs11-tool", "--module", MODULE, "--token-label", label, "--read-object", "--type", "pubkey", "--id", "01",
                    "-o", publicKey.toString());
            Path certificate = tokens.resolveSibling(label + ".crt.der");
            Files.write(certificate, issuer.issue(publicKey(Files.readAllBytes(publicKey)), holder, label).getEncoded());
            run("pkcs11-tool", "--module", MODULE, "--token-label", label, "--login", "--pin", "000000", "--write-object",
                    certificate.toString(), "--type", "cert", "--id", "01", "--label", "sign");
        }
        // With the NULL-arguments quirk, which SoftHSM2 accepts, so the quirk's path is exercised too.
        return new Pkcs11ReaderProvider(MODULE, "SoftHSM2", new Pkcs11ReaderProvider.Quirks(false, true));
    }

    /**
     * Checks that SoftHSM2 and OpenSC are installed (CI must have them; elsewhere the test is skipped) and
     * empties the token folder of {@code $SOFTHSM2_CONF}; returns that folder.
     */
    public static Path emptyTokenFolder() throws Exception {
        boolean available = Files.exists(Path.of(MODULE)) && onPath("softhsm2-util") && onPath("pkcs11-tool");
        if (System.getenv("CI") != null) {
            assertTrue(available, "softhsm2 and opensc must be installed (.ci/run installs them)");
        }
        Assumptions.assumeTrue(available, "softhsm2 or opensc (pkcs11-tool) is not installed");
        Path configuration = Path.of(System.getenv("SOFTHSM2_CONF"));
        Path tokens = configuration.resolveSibling("tokens");
        Files.createDirectories(tokens);
        run("rm", "-rf", tokens.toString());
        Files.createDirectories(tokens);
        Files.writeString(configuration, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        return tokens;
    }

    /** A new token in the next free slot. */
    public static void initToken(String label, String soPin, String userPin) throws Exception {
        run("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", soPin, "--pin", userPin);
    }

    private static boolean onPath(String command) {
        for (String directory : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command) + "\n" + output);
    }

    /** pkcs11-tool writes SubjectPublicKeyInfo or PKCS#1, depending on its version. */
    private static PublicKey publicKey(byte[] der) throws Exception {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (java.security.spec.InvalidKeySpecException notSpki) {
            org.bouncycastle.asn1.pkcs.RSAPublicKey pkcs1 = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(der);
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(pkcs1.getModulus(), pkcs1.getPublicExponent()));
        }
    }
}
