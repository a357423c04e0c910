package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regdesk.card.contract.SoftHsmTokens;
import org.regdesk.server.keys.CardKeyService;
import org.regdesk.server.keys.KeystoreCardKeyService;
import org.regdesk.server.keys.PrivateFiles;
import org.regdesk.server.settings.Keystores;
import org.regdesk.server.settings.internal.ProductionCheck;

/**
 * The card master key on a PKCS#11 token (SoftHSM2), as production keeps it in an HSM: the cryptograms and sealed
 * SO PINs are those of the same key in a keystore file, a key generated on the token never leaves it, and the
 * production check opens the token with the PIN from its file and finds the key by its label; a wrong PIN is refused. Runs in its own JVM (surefire execution
 * {@code card-master-key-on-softhsm}): SoftHSM2 reads its token folder once per process.
 */
class CardMasterKeyOnHsmTest {

    private static final String PIN = "135790";
    private static final byte[] MASTER = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    private static final byte[] SERIAL = "RD0000000001".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path folder;

    private static KeyStore token;

    @BeforeAll
    static void tokenWithTheMasterKey() throws Exception {
        SoftHsmTokens.emptyTokenFolder();
        SoftHsmTokens.initToken("RDCARDKEYS", "12345678", PIN);
        // before anyone logs in: PKCS#11 keeps a token's login for the whole process
        GeneralSecurityException wrongPin = assertThrows(GeneralSecurityException.class,
                () -> Keystores.pkcs11("RegDeskCardKeysWrongPin", Path.of(SoftHsmTokens.MODULE), 0, "000000".toCharArray()));
        assertTrue(wrongPin.getMessage().contains("refused the PIN"), wrongPin.getMessage());
        token = Keystores.pkcs11("RegDeskCardKeysTest", Path.of(SoftHsmTokens.MODULE), 0, PIN.toCharArray());
        // A key ceremony would generate the key on the HSM; importing a known one lets the test compare
        token.setEntry("regdesk-card-master", new KeyStore.SecretKeyEntry(new SecretKeySpec(MASTER, "AES")), null);
    }

    @Test
    void theTokenAnswersAsTheSameKeyInAKeystoreFile() throws Exception {
        Path file = folder.resolve("master.p12");
        KeystoreCardKeyService.writeKeystore(file, "pw".toCharArray(), "regdesk-card-master", MASTER);
        CardKeyService software = KeystoreCardKeyService.open(file, "pw".toCharArray(), "regdesk-card-master");
        CardKeyService hsm = KeystoreCardKeyService.onToken(token, "regdesk-card-master");
        byte[] challenge = HexFormat.of().parseHex("0f0e0d0c0b0a09080706050403020100");

        assertArrayEquals(software.unblockCryptogram(SERIAL, challenge), hsm.unblockCryptogram(SERIAL, challenge));
        byte[] soPin = "87654321".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(soPin, software.open("RD0000000001", hsm.seal("RD0000000001", soPin)));
        assertArrayEquals(soPin, hsm.open("RD0000000001", software.seal("RD0000000001", soPin)));
    }

    @Test
    void aKeyGeneratedOnTheTokenStaysThere() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES", token.getProvider());
        generator.init(128);
        SecretKey generated = generator.generateKey();
        token.setEntry("generated", new KeyStore.SecretKeyEntry(generated), null);
        CardKeyService hsm = KeystoreCardKeyService.onToken(token, "generated");

        byte[] secret = "24681357".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(secret, hsm.open("RD0000000002", hsm.seal("RD0000000002", secret)));
        assertNull(token.getKey("generated", null).getEncoded(), "a sensitive token key has no encoding to hand out");
        assertThrows(GeneralSecurityException.class, () -> KeystoreCardKeyService.onToken(token, "no-such-key"));
    }

    @Test
    void theProductionCheckOpensTheTokenWithThePinFromItsFile() throws Exception {
        Path etc = Files.createDirectories(folder.resolve("etc"));
        Path pinFile = folder.resolve("card-keys.pin");
        PrivateFiles.write(pinFile, PIN);
        Files.writeString(etc.resolve("org.regdesk.server.keys.cfg"), "card.master.pkcs11.library = " + SoftHsmTokens.MODULE
                + "\ncard.master.pkcs11.slot.index = 0\ncard.master.pkcs11.pin.file = " + pinFile + "\n");

        assertTrue(cardKeyFindings(etc).get(0).text().startsWith("card master key 'regdesk-card-master' on the HSM"),
                cardKeyFindings(etc).toString());

        Files.writeString(etc.resolve("org.regdesk.server.keys.cfg"), "card.master.keystore.alias = other\n",
                java.nio.file.StandardOpenOption.APPEND);
        ProductionCheck.Finding noKey = cardKeyFindings(etc).get(0);
        assertTrue(noKey.refused() && noKey.text().contains("no AES key labelled 'other'"), noKey.toString());
    }

    private static List<ProductionCheck.Finding> cardKeyFindings(Path etc) {
        List<ProductionCheck.Finding> findings = ProductionCheck.run(etc, name -> null, Instant.now()).stream()
                .filter(finding -> finding.file().equals("org.regdesk.server.keys.cfg")).toList();
        assertEquals(1, findings.size(), findings.toString());
        return findings;
    }
}
