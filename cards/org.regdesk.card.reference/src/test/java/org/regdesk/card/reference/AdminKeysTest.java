package org.regdesk.card.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class AdminKeysTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theUnblockCryptogramIsAesCmacAsInRfc4493() throws Exception {
        // RFC 4493, section 4, example 2: one 16-byte block.
        byte[] key = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");
        byte[] message = HEX.parseHex("6bc1bee22e409f96e93d7e117393172a");
        assertArrayEquals(HEX.parseHex("070a16b46b4d4144f79bdd9dd04a287c"), AdminKeys.unblockCryptogram(key, message));
    }

    @Test
    void theCmacSubkeyStepMatchesRfc4493() {
        // RFC 4493, section 4: L = 7df76b0c1ab899b33e42f047b91b546f, K1 = fbeed618357133667c85e08f7236a8de.
        assertArrayEquals(HEX.parseHex("fbeed618357133667c85e08f7236a8de"),
                AdminKeys.shiftLeftWithReduction(HEX.parseHex("7df76b0c1ab899b33e42f047b91b546f")));
    }

    @Test
    void keysAndChallengesOfTheWrongSizeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AdminKeys.unblockCryptogram(new byte[15], new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> AdminKeys.unblockCryptogram(new byte[16], new byte[8]));
        assertThrows(IllegalArgumentException.class, () -> AdminKeys.diversify(new byte[16], new byte[0]));
    }
}
