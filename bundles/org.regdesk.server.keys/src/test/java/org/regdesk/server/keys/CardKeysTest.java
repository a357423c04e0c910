package org.regdesk.server.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class CardKeysTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theUnblockCryptogramIsAesCmacAsInRfc4493() throws Exception {
        // RFC 4493, section 4, example 2: one 16-byte block.
        byte[] key = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");
        byte[] message = HEX.parseHex("6bc1bee22e409f96e93d7e117393172a");
        assertArrayEquals(HEX.parseHex("070a16b46b4d4144f79bdd9dd04a287c"), CardKeys.cmacOfOneBlock(key, message));
    }

    @Test
    void theCmacSubkeyStepMatchesRfc4493() {
        // RFC 4493, section 4: L = 7df76b0c1ab899b33e42f047b91b546f, K1 = fbeed618357133667c85e08f7236a8de.
        assertArrayEquals(HEX.parseHex("fbeed618357133667c85e08f7236a8de"),
                CardKeys.shiftLeftWithReduction(HEX.parseHex("7df76b0c1ab899b33e42f047b91b546f")));
    }

    @Test
    void theKeystoreServiceComputesWhatTheCardExpectsAndNamesWhatIsWrongWithItsKeystore(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) throws Exception {
        byte[] master = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        char[] password = "changeit".toCharArray();
        java.nio.file.Path file = directory.resolve("master.p12");
        KeystoreCardKeyService.writeKeystore(file, password, "regdesk-card-master", master);
        byte[] serial = "RD0000000001".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] challenge = HEX.parseHex("6bc1bee22e409f96e93d7e117393172a");
        assertArrayEquals(CardKeys.cmacOfOneBlock(CardKeys.diversify(master, serial), challenge),
                KeystoreCardKeyService.open(file, password, "regdesk-card-master").unblockCryptogram(serial, challenge));

        var wrongPassword = assertThrows(java.security.GeneralSecurityException.class,
                () -> KeystoreCardKeyService.open(file, "nope".toCharArray(), "regdesk-card-master"));
        org.junit.jupiter.api.Assertions.assertTrue(wrongPassword.getMessage().contains("wrong password"), wrongPassword.getMessage());
        var wrongAlias = assertThrows(java.security.GeneralSecurityException.class,
                () -> KeystoreCardKeyService.open(file, password, "other"));
        org.junit.jupiter.api.Assertions.assertTrue(wrongAlias.getMessage().contains("'other'"), wrongAlias.getMessage());
    }

    @Test
    void aSealedSecretOpensOnlyForItsOwnCardAndUnchanged(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory)
            throws Exception {
        java.nio.file.Path file = directory.resolve("master.p12");
        KeystoreCardKeyService.writeKeystore(file, "pw".toCharArray(), "m", HEX.parseHex("000102030405060708090a0b0c0d0e0f"));
        CardKeyService service = KeystoreCardKeyService.open(file, "pw".toCharArray(), "m");
        String sealed = service.seal("PK0001", "so-pin-12345678".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        org.junit.jupiter.api.Assertions.assertFalse(sealed.contains("12345678"));
        assertArrayEquals("so-pin-12345678".getBytes(java.nio.charset.StandardCharsets.US_ASCII), service.open("PK0001", sealed));
        assertThrows(java.security.GeneralSecurityException.class, () -> service.open("PK0002", sealed));
        char[] tampered = sealed.toCharArray();
        tampered[10] = tampered[10] == 'A' ? 'B' : 'A';
        assertThrows(java.security.GeneralSecurityException.class, () -> service.open("PK0001", new String(tampered)));
    }

    @Test
    void keysAndChallengesOfTheWrongSizeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CardKeys.cmacOfOneBlock(new byte[15], new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> CardKeys.cmacOfOneBlock(new byte[16], new byte[8]));
        assertThrows(IllegalArgumentException.class, () -> CardKeys.diversify(new byte[16], new byte[0]));
    }
}
