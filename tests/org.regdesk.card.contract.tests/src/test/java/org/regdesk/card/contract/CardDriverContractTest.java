package org.regdesk.card.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardException.Reason;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.DigestAlgorithm;
import org.regdesk.card.api.PinStatus;
import org.regdesk.card.api.UnblockAuthorization;
import org.regdesk.card.reference.AdminKeys;
import org.regdesk.card.reference.TestCardFactory;

/**
 * What every card driver setup must do, whatever the transport: the PIN counts down and blocks, a
 * blocked card spends no try, a bad or replayed authorization changes nothing, a card pulled between
 * any two APDUs ends in its old or its new state, and sessions know the card by its serial number.
 */
abstract class CardDriverContractTest {

    static final String SERIAL = "RD0000000201";
    static final TestCardFactory.Holder HOLDER = new TestCardFactory.Holder("AYŞE YILMAZ", "10000000146");
    static TestCardFactory factory;

    TestCardFactory.PersonalizedCard personalized;
    CardSession session;

    /** Puts a newly personalized card (PIN not set) into the setup's reader. */
    abstract TestCardFactory.PersonalizedCard insertNewCard(String serialNumber) throws Exception;

    /** Opens the driver under test on the card in the reader. */
    abstract CardSession open() throws Exception;

    /** The card leaves the reader once {@code apdus} more APDUs have reached it. */
    abstract void pullAfter(int apdus);

    /** Puts the pulled card back (a power cycle, as for a real card). */
    abstract void reinsert() throws Exception;

    @BeforeAll
    static void factory() throws Exception {
        factory = new TestCardFactory(42L);
    }

    @BeforeEach
    void newCardAndSession() throws Exception {
        personalized = insertNewCard(SERIAL);
        session = open();
    }

    @AfterEach
    void closeSession() {
        if (session != null) {
            session.close();
        }
    }

    UnblockAuthorization.Cryptogram authorization(CardSession on) throws Exception {
        return new UnblockAuthorization.Cryptogram(
                AdminKeys.unblockCryptogram(personalized.adminKey(), on.unblockChallenge().challenge()));
    }

    void setPin(String pin) throws Exception {
        session.unblock(authorization(session), pin.toCharArray());
    }

    static CardException failure(Reason expected, ThrowingRunnable action) {
        CardException thrown = assertThrows(CardException.class, action::run);
        assertEquals(expected, thrown.reason(), thrown.getMessage());
        return thrown;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void theSessionKnowsTheCardBySerialAndTheHolderFromTheCertificate() {
        assertEquals(SERIAL, session.identity().serialNumber());
        assertEquals(Optional.of("AYŞE YILMAZ"), session.identity().holderName());
        assertEquals(Optional.of("10000000146"), session.identity().nationalId());
    }

    @Test
    void aNewCardSaysNotSetAndTheFirstPinNeedsTheBackend() throws Exception {
        assertEquals(PinStatus.State.NOT_SET, session.pinStatus().state());
        failure(Reason.PIN_NOT_SET, () -> session.verifyPin("123456".toCharArray()));
        setPin("123456");
        assertEquals(PinStatus.ofTriesLeft(3), session.pinStatus());
        session.verifyPin("123456".toCharArray());
    }

    @Test
    void aWrongPinCountsDownAnnouncesTheFinalTryAndBlocksAtZero() throws Exception {
        setPin("123456");
        assertEquals(OptionalInt.of(2), failure(Reason.WRONG_PIN, () -> session.verifyPin("000000".toCharArray())).triesLeft());
        assertEquals(OptionalInt.of(1), failure(Reason.WRONG_PIN, () -> session.verifyPin("000000".toCharArray())).triesLeft());
        assertEquals(PinStatus.State.FINAL_TRY, session.pinStatus().state(), "the final try is reported before it is spent");
        failure(Reason.PIN_BLOCKED, () -> session.verifyPin("000000".toCharArray()));
        assertEquals(PinStatus.State.BLOCKED, session.pinStatus().state());
    }

    @Test
    void aBlockedCardRefusesVerifyWithoutUsingATryAndAnAuthorizedUnblockRestoresIt() throws Exception {
        setPin("123456");
        for (int i = 0; i < 3; i++) {
            assertThrows(CardException.class, () -> session.verifyPin("999999".toCharArray()));
        }
        failure(Reason.PIN_BLOCKED, () -> session.verifyPin("123456".toCharArray()));
        assertEquals(PinStatus.ofTriesLeft(0), session.pinStatus());
        session.unblock(authorization(session), "654321".toCharArray());
        session.verifyPin("654321".toCharArray());
    }

    @Test
    void aWrongOrReplayedAuthorizationFailsAndLeavesTheCardAsItWas() throws Exception {
        setPin("123456");
        assertThrows(CardException.class, () -> session.verifyPin("000000".toCharArray()));
        byte[] challenge = session.unblockChallenge().challenge();
        UnblockAuthorization wrong = new UnblockAuthorization.Cryptogram(AdminKeys.unblockCryptogram(new byte[16], challenge));
        failure(Reason.AUTHORIZATION_REJECTED, () -> session.unblock(wrong, "654321".toCharArray()));

        UnblockAuthorization.Cryptogram good = authorization(session);
        session.unblock(good, "111111".toCharArray());
        failure(Reason.AUTHORIZATION_REJECTED, () -> session.unblock(good, "222222".toCharArray()));
        session.verifyPin("111111".toCharArray());
    }

    @Test
    void aPinOutsideThePolicyIsRefusedAndNothingChanges() throws Exception {
        failure(Reason.PIN_POLICY, () -> session.unblock(authorization(session), "12345".toCharArray()));
        assertEquals(PinStatus.State.NOT_SET, session.pinStatus().state());
        setPin("123456");
        failure(Reason.PIN_POLICY, () -> session.changePin("123456".toCharArray(), "12ab56".toCharArray()));
        assertEquals(PinStatus.ofTriesLeft(3), session.pinStatus(), "no try spent on a bad new PIN");
    }

    @Test
    void signingNeedsTheVerifiedPinAndVerifiesWithTheCardCertificate() throws Exception {
        setPin("123456");
        byte[] message = "E-Onay rıza metni".getBytes(StandardCharsets.UTF_8);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(message);
        String keyId = session.certificates().get(0).keyId();
        failure(Reason.PIN_NOT_VERIFIED, () -> session.sign(keyId, DigestAlgorithm.SHA256, digest));

        session.verifyPin("123456".toCharArray());
        byte[] signature = session.sign(keyId, DigestAlgorithm.SHA256, digest);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(session.certificates().get(0).certificate());
        verifier.update(message);
        assertTrue(verifier.verify(signature));
    }

    @Test
    void aCardPulledDuringAnUnblockIsReportedAndEndsInTheOldOrTheNewState() throws Exception {
        setPin("123456");
        for (int apdus = 0; apdus <= 1; apdus++) {
            UnblockAuthorization.Cryptogram authorization = authorization(session);
            pullAfter(apdus);
            boolean completed = false;
            CardException removed = assertThrows(CardException.class, () -> {
                session.unblock(authorization, "654321".toCharArray());
                session.pinStatus(); // the next command meets the empty reader
            });
            assertEquals(Reason.CARD_REMOVED, removed.reason(), removed.getMessage());
            completed = apdus > 0;
            reinsert();
            session.close();
            session = open();
            String expected = completed ? "654321" : "123456";
            session.verifyPin(expected.toCharArray());
            // back to the starting PIN for the next round
            session.unblock(authorization(session), "123456".toCharArray());
        }
    }

    @Test
    void aCardPulledDuringAPinChangeEndsInTheOldOrTheNewPin() throws Exception {
        setPin("123456");
        pullAfter(0);
        failure(Reason.CARD_REMOVED, () -> session.changePin("123456".toCharArray(), "222222".toCharArray()));
        reinsert();
        session.close();
        session = open();
        session.verifyPin("123456".toCharArray());
    }
}
