package org.regdesk.card.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.regdesk.card.api.CardProbe;
import org.regdesk.card.api.CardReaderProvider.ReaderState;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.CardTransport;
import org.regdesk.card.api.UnblockAuthorization;
import org.regdesk.card.pkcs11.internal.Pkcs11Driver;
import org.regdesk.card.pkcs11.internal.Pkcs11ReaderProvider;
import org.regdesk.card.reference.TestCardFactory;

/**
 * The PKCS#11 driver on SoftHSM2 tokens made with softhsm2-util and pkcs11-tool (OpenSC): an RSA-2048
 * key and a certificate from the test CA on each. SoftHSM2 never locks a PIN and cannot be pulled,
 * so those cases are skipped here; the SO-PIN unblock with rotation is covered.
 */
class SoftHsmTokenTest extends CardDriverContractTest {

    private static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    private static final int TOKENS = 12;
    private static final String FIRST_SO_PIN = "10000000";
    private static Pkcs11ReaderProvider provider;
    private static int nextToken;

    private CardTransport transport;
    private String soPin;

    @BeforeAll
    static void tokens() throws Exception {
        boolean available = Files.exists(Path.of(MODULE)) && onPath("softhsm2-util") && onPath("pkcs11-tool");
        if (System.getenv("CI") != null) {
            assertTrue(available, "softhsm2 and opensc must be installed (.ci/run installs them)");
        }
        Assumptions.assumeTrue(available, "softhsm2 or opensc (pkcs11-tool) is not installed");
        Path configuration = Path.of(System.getenv("SOFTHSM2_CONF"));
        Path tokens = configuration.resolveSibling("tokens");
        Files.createDirectories(tokens);
        try (var old = Files.list(tokens)) {
            for (Path stale : old.toList()) {
                run("rm", "-rf", stale.toString());
            }
        }
        Files.writeString(configuration, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        TestCardFactory issuer = new TestCardFactory(11L);
        for (int i = 1; i <= TOKENS; i++) {
            String label = String.format("RDTEST-%02d", i);
            run("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", FIRST_SO_PIN, "--pin", "000000");
            run("pkcs11-tool", "--module", MODULE, "--token-label", label, "--login", "--pin", "000000", "--keypairgen",
                    "--key-type", "rsa:2048", "--id", "01", "--label", "sign");
            Path publicKey = tokens.resolveSibling(label + ".pub.der");
            run("pkcs11-tool", "--module", MODULE, "--token-label", label, "--read-object", "--type", "pubkey", "--id", "01",
                    "-o", publicKey.toString());
            Path certificate = tokens.resolveSibling(label + ".crt.der");
            Files.write(certificate, issuer.issue(publicKey(Files.readAllBytes(publicKey)),
                    HOLDER, label).getEncoded());
            run("pkcs11-tool", "--module", MODULE, "--token-label", label, "--login", "--pin", "000000", "--write-object",
                    certificate.toString(), "--type", "cert", "--id", "01", "--label", "sign");
        }
        provider = new Pkcs11ReaderProvider(MODULE, "SoftHSM2");
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

    @Override
    TestCardFactory.PersonalizedCard insertNewCard(String serialNumber) throws Exception {
        String label = String.format("RDTEST-%02d", ++nextToken);
        List<String> seen = new ArrayList<>();
        for (ReaderState state : provider.scan()) {
            if (state.cardPresent()) {
                CardTransport candidate = provider.connect(state.reader());
                CardProbe probe = candidate.probe();
                seen.add(probe.tokenInfo().get("label"));
                if (label.equals(probe.tokenInfo().get("label"))) {
                    transport = candidate;
                    soPin = FIRST_SO_PIN;
                    return new TestCardFactory.PersonalizedCard(probe.tokenInfo().get("serialNumber"), new byte[0], null);
                }
            }
        }
        throw new AssertionError("token " + label + " not found among " + seen);
    }

    @Override
    CardSession open() throws Exception {
        Pkcs11Driver driver = new Pkcs11Driver();
        assertTrue(driver.match(transport.probe()) > 0);
        return driver.open(transport.probe(), transport);
    }

    @Override
    UnblockAuthorization authorization(CardSession on) {
        String next = String.valueOf(Long.parseLong(soPin) + 1);
        return new UnblockAuthorization.SecurityOfficerPins(soPin.toCharArray(), next.toCharArray());
    }

    @Override
    UnblockAuthorization wrongAuthorization(CardSession on) {
        return new UnblockAuthorization.SecurityOfficerPins("99999999".toCharArray(), "88888888".toCharArray());
    }

    @Override
    void unblocked(UnblockAuthorization used) {
        soPin = new String(((UnblockAuthorization.SecurityOfficerPins) used).nextSoPin());
    }

    @Override
    boolean newCardsHaveNoPin() {
        return false;
    }

    @Override
    boolean locksAfterThreeWrongPins() {
        return false;
    }

    @Override
    boolean canBePulled() {
        return false;
    }

    @Override
    void pullAfter(int apdus) {
        throw new UnsupportedOperationException("SoftHSM2 tokens cannot be pulled");
    }

    @Override
    void reinsert() {
        throw new UnsupportedOperationException("SoftHSM2 tokens cannot be pulled");
    }

}
