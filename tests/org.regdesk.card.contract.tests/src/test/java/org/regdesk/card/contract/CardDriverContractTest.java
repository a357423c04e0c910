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
import org.junit.jupiter.api.Assumptions;
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

    /** The backend's permission to set a new PIN on this card, as the setup's card kind takes it. */
    UnblockAuthorization authorization(CardSession on) throws Exception {
        return new UnblockAuthorization.Cryptogram(
                AdminKeys.unblockCryptogram(personalized.adminKey(), on.unblockChallenge().challenge()));
    }

    /** A permission the card must reject: the right form, the wrong secret. */
    UnblockAuthorization wrongAuthorization(CardSession on) throws Exception {
        return new UnblockAuthorization.Cryptogram(AdminKeys.unblockCryptogram(new byte[16], on.unblockChallenge().challenge()));
    }

    /** Called after an unblock with {@code used} succeeded (PKCS#11 setups track the SO PIN). */
    void unblocked(UnblockAuthorization used) {
    }

    /** Capabilities that differ between card kinds; a missing one skips its cases, visibly. */
    boolean newCardsHaveNoPin() {
        return true;
    }

    boolean locksAfterThreeWrongPins() {
        return true;
    }

    boolean canBePulled() {
        return true;
    }

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

    void unblockWith(UnblockAuthorization authorization, String pin) throws Exception {
        session.unblock(authorization, pin.toCharArray());
        unblocked(authorization);
    }

    void setPin(String pin) throws Exception {
        unblockWith(authorization(session), pin);
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
        assertEquals(personalized.serialNumber(), session.identity().serialNumber());
        assertEquals(Optional.of("AYŞE YILMAZ"), session.identity().holderName());
        assertEquals(Optional.of("10000000146"), session.identity().nationalId());
    }

    @Test
    void aNewCardSaysNotSetAndTheFirstPinNeedsTheBackend() throws Exception {
        Assumptions.assumeTrue(newCardsHaveNoPin(), "cards of this kind are issued with a PIN");
        assertEquals(PinStatus.State.NOT_SET, session.pinStatus().state());
        failure(Reason.PIN_NOT_SET, () -> session.verifyPin("123456".toCharArray()));
        setPin("123456");
        assertEquals(PinStatus.ofTriesLeft(3), session.pinStatus());
        session.verifyPin("123456".toCharArray());
    }

    @Test
    void aWrongPinCountsDownAnnouncesTheFinalTryAndBlocksAtZero() throws Exception {
        Assumptions.assumeTrue(locksAfterThreeWrongPins(), "this token never locks (SoftHSM2); the reference card covers it");
        setPin("123456");
        assertEquals(OptionalInt.of(2), failure(Reason.WRONG_PIN, () -> session.verifyPin("000000".toCharArray())).triesLeft());
        assertEquals(OptionalInt.of(1), failure(Reason.WRONG_PIN, () -> session.verifyPin("000000".toCharArray())).triesLeft());
        assertEquals(PinStatus.State.FINAL_TRY, session.pinStatus().state(), "the final try is reported before it is spent");
        failure(Reason.PIN_BLOCKED, () -> session.verifyPin("000000".toCharArray()));
        assertEquals(PinStatus.State.BLOCKED, session.pinStatus().state());
    }

    @Test
    void aBlockedCardRefusesVerifyWithoutUsingATryAndAnAuthorizedUnblockRestoresIt() throws Exception {
        Assumptions.assumeTrue(locksAfterThreeWrongPins(), "this token never locks (SoftHSM2); the reference card covers it");
        setPin("123456");
        for (int i = 0; i < 3; i++) {
            assertThrows(CardException.class, () -> session.verifyPin("999999".toCharArray()));
        }
        failure(Reason.PIN_BLOCKED, () -> session.verifyPin("123456".toCharArray()));
        assertEquals(PinStatus.ofTriesLeft(0), session.pinStatus());
        unblockWith(authorization(session), "654321");
        session.verifyPin("654321".toCharArray());
    }

    @Test
    void aWrongOrReplayedAuthorizationFailsAndLeavesTheCardAsItWas() throws Exception {
        setPin("123456");
        assertThrows(CardException.class, () -> session.verifyPin("000000".toCharArray()));
        PinStatus before = session.pinStatus();
        UnblockAuthorization wrong = wrongAuthorization(session);
        failure(Reason.AUTHORIZATION_REJECTED, () -> session.unblock(wrong, "654321".toCharArray()));
        assertEquals(before, session.pinStatus(), "a rejected authorization changes nothing");
        session.verifyPin("123456".toCharArray());

        UnblockAuthorization good = authorization(session);
        unblockWith(good, "111111");
        failure(Reason.AUTHORIZATION_REJECTED, () -> session.unblock(good, "222222".toCharArray()));
        session.verifyPin("111111".toCharArray());
    }

    @Test
    void aPinOutsideThePolicyIsRefusedAndNothingChanges() throws Exception {
        PinStatus issued = session.pinStatus();
        failure(Reason.PIN_POLICY, () -> session.unblock(authorization(session), "12345".toCharArray()));
        assertEquals(issued, session.pinStatus());
        setPin("123456");
        PinStatus set = session.pinStatus();
        failure(Reason.PIN_POLICY, () -> session.changePin("123456".toCharArray(), "12ab56".toCharArray()));
        assertEquals(set, session.pinStatus(), "no try spent on a bad new PIN");
        session.verifyPin("123456".toCharArray());
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
        Assumptions.assumeTrue(canBePulled(), "this token cannot be pulled in a test");
        setPin("123456");
        for (int apdus = 0; apdus <= 1; apdus++) {
            UnblockAuthorization authorization = authorization(session);
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
            unblockWith(authorization(session), "123456");
        }
    }

    @Test
    void aCardPulledBeforeTheSignatureIsReportedAndKeepsItsPinState() throws Exception {
        Assumptions.assumeTrue(canBePulled(), "this token cannot be pulled in a test");
        setPin("123456");
        session.verifyPin("123456".toCharArray());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(new byte[] { 1 });
        String keyId = session.certificates().get(0).keyId();
        pullAfter(0);
        failure(Reason.CARD_REMOVED, () -> session.sign(keyId, DigestAlgorithm.SHA256, digest));
        reinsert();
        session.close();
        session = open();
        assertEquals(PinStatus.ofTriesLeft(3), session.pinStatus(), "no try spent, and the verified state is gone");
        failure(Reason.PIN_NOT_VERIFIED, () -> session.sign(keyId, DigestAlgorithm.SHA256, digest));
    }

    @Test
    void aCardPulledDuringAPinChangeEndsInTheOldOrTheNewPin() throws Exception {
        Assumptions.assumeTrue(canBePulled(), "this token cannot be pulled in a test");
        setPin("123456");
        pullAfter(0);
        failure(Reason.CARD_REMOVED, () -> session.changePin("123456".toCharArray(), "222222".toCharArray()));
        reinsert();
        session.close();
        session = open();
        session.verifyPin("123456".toCharArray());
    }
}
