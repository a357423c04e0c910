package org.regdesk.card.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class ApiValuesTest {

    @Test
    void theTryCounterMapsToReadyFinalTryAndBlocked() {
        assertEquals(new PinStatus(PinStatus.State.READY, OptionalInt.of(3)), PinStatus.ofTriesLeft(3));
        assertEquals(PinStatus.State.FINAL_TRY, PinStatus.ofTriesLeft(1).state());
        assertEquals(new PinStatus(PinStatus.State.BLOCKED, OptionalInt.of(0)), PinStatus.ofTriesLeft(0));
    }

    @Test
    void destroyingAnAuthorizationWipesItsSecretsAndToStringShowsNone() {
        char[] oneTime = "87654321".toCharArray();
        char[] next = "12345678".toCharArray();
        UnblockAuthorization.SecurityOfficerPins pins = new UnblockAuthorization.SecurityOfficerPins(oneTime, next);
        assertEquals("SecurityOfficerPins[***]", pins.toString());
        pins.destroy();
        assertArrayEquals(new char[8], oneTime);
        assertArrayEquals(new char[8], next);
    }

    @Test
    void aChallengeCannotBeChangedFromOutside() {
        byte[] bytes = { 1, 2, 3 };
        UnblockChallenge challenge = new UnblockChallenge("RD1", bytes);
        bytes[0] = 9;
        challenge.challenge()[1] = 9;
        assertArrayEquals(new byte[] { 1, 2, 3 }, challenge.challenge());
    }

    @Test
    void aCardWithoutSerialNumberIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new CardIdentity(" ", "3B00", "label", Optional.empty(), Optional.empty()));
    }

    @Test
    void aWrongPinExceptionCarriesTheTriesLeft() {
        CardException wrong = new CardException(CardException.Reason.WRONG_PIN, "wrong PIN", 2, null);
        assertEquals(OptionalInt.of(2), wrong.triesLeft());
        assertEquals(OptionalInt.empty(), new CardException(CardException.Reason.IO, "io").triesLeft());
    }
}
