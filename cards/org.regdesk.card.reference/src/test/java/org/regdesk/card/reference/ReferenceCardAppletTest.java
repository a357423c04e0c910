package org.regdesk.card.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regdesk.card.reference.ReferenceCardProfile.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;

import javax.security.auth.x500.X500Principal;

import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.utils.AIDUtil;

/** The reference card profile, APDU by APDU, on jCardSim in-process. */
class ReferenceCardAppletTest {

    private static final String SERIAL = "RD0000000001";
    private static TestCardFactory factory;

    private CardSimulator card;
    private TestCardFactory.PersonalizedCard personalized;

    @BeforeAll
    static void testCa() throws Exception {
        factory = new TestCardFactory(20261126L);
    }

    @BeforeEach
    void freshCard() throws Exception {
        card = ReferenceCards.newCard();
        personalized = factory.personalize(card::transmitCommand, SERIAL,
                new TestCardFactory.Holder("AYŞE YILMAZ", "10000000146"));
    }

    private int send(int cla, int ins, int p1, int p2, byte[] data) {
        return transmit(new CommandAPDU(cla, ins, p1, p2, data)).getSW();
    }

    private ResponseAPDU transmit(CommandAPDU command) {
        return card.transmitCommand(command);
    }

    private int verify(String pin) {
        return send(CLA_ISO, INS_VERIFY, 0, PIN_REFERENCE, pin.getBytes(StandardCharsets.US_ASCII));
    }

    private int pinStatus() {
        return transmit(new CommandAPDU(CLA_ISO, INS_VERIFY, 0, PIN_REFERENCE)).getSW();
    }

    private byte[] challenge() {
        ResponseAPDU response = transmit(new CommandAPDU(CLA_ISO, INS_GET_CHALLENGE, 0, 0, CHALLENGE_LENGTH));
        assertEquals(0x9000, response.getSW());
        return response.getData();
    }

    private int unblock(byte[] cryptogram, String newPin) {
        byte[] pin = newPin.getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[cryptogram.length + 1 + pin.length];
        System.arraycopy(cryptogram, 0, data, 0, cryptogram.length);
        data[cryptogram.length] = (byte) pin.length;
        System.arraycopy(pin, 0, data, cryptogram.length + 1, pin.length);
        return send(CLA_ISO, INS_RESET_RETRY_COUNTER, RESET_WITH_NEW_PIN, PIN_REFERENCE, data);
    }

    private int authorizedUnblock(String newPin) throws Exception {
        return unblock(AdminKeys.unblockCryptogram(personalized.adminKey(), challenge()), newPin);
    }

    @Test
    void aNewCardSaysItsPinIsNotSetAndRefusesVerify() {
        assertEquals(SW_PIN_NOT_SET, pinStatus());
        assertEquals(SW_PIN_NOT_SET, verify("123456"));
    }

    @Test
    void theBackendCryptogramSetsTheFirstPinAndThePinThenVerifies() throws Exception {
        assertEquals(0x9000, authorizedUnblock("123456"));
        assertEquals(0x63C3, pinStatus());
        assertEquals(0x9000, verify("123456"));
    }

    @Test
    void aWrongPinCountsDownReportsTheFinalTryAndBlocksAtZero() throws Exception {
        authorizedUnblock("123456");
        assertEquals(0x63C2, verify("000000"));
        assertEquals(0x63C1, verify("000000"), "final try reported before it is spent");
        assertEquals(0x63C1, pinStatus(), "a status query uses no try");
        assertEquals(0x63C0, verify("000000"));
        assertEquals(SW_PIN_BLOCKED, pinStatus());
    }

    @Test
    void aBlockedCardRefusesEvenTheRightPinWithoutUsingATryAndUnblocksWithANewPin() throws Exception {
        authorizedUnblock("123456");
        for (int i = 0; i < PIN_TRIES; i++) {
            verify("999999");
        }
        assertEquals(SW_PIN_BLOCKED, verify("123456"));
        assertEquals(0x9000, authorizedUnblock("654321"));
        assertEquals(0x63C3, pinStatus(), "the unblock resets the counter");
        assertEquals(0x63C2, verify("123456"), "the old PIN is gone");
        assertEquals(0x9000, verify("654321"));
    }

    @Test
    void aWrongCryptogramFailsAndLeavesTheCardAsItWas() throws Exception {
        authorizedUnblock("123456");
        verify("000000");
        byte[] wrong = AdminKeys.unblockCryptogram(new byte[16], challenge());
        assertEquals(0x6982, unblock(wrong, "654321"));
        assertEquals(0x63C2, pinStatus(), "counter untouched");
        assertEquals(0x9000, verify("123456"), "PIN untouched");
    }

    @Test
    void aCryptogramWorksOnceAndACryptogramForAnotherCardNever() throws Exception {
        byte[] challenge = challenge();
        byte[] cryptogram = AdminKeys.unblockCryptogram(personalized.adminKey(), challenge);
        assertEquals(0x9000, unblock(cryptogram, "123456"));
        assertEquals(0x6985, unblock(cryptogram, "654321"), "replay without a new challenge");

        byte[] otherCardKey = AdminKeys.diversify(factory.masterKey(), "RD0000000002".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0x6982, unblock(AdminKeys.unblockCryptogram(otherCardKey, challenge()), "654321"));
        assertEquals(0x9000, verify("123456"));
    }

    @Test
    void aChallengeDoesNotSurviveAReset() throws Exception {
        byte[] cryptogram = AdminKeys.unblockCryptogram(personalized.adminKey(), challenge());
        card.reset();
        card.selectApplet(AIDUtil.create(AID));
        assertEquals(0x6985, unblock(cryptogram, "123456"));
        assertEquals(SW_PIN_NOT_SET, pinStatus());
    }

    @Test
    void pinsOutsideTheSixToTwelveDigitPolicyAreRefusedAndChangeNothing() throws Exception {
        for (String bad : new String[] { "12345", "1234567890123", "12345a" }) {
            assertEquals(0x6A80, authorizedUnblock(bad), bad);
            assertEquals(SW_PIN_NOT_SET, pinStatus(), bad);
        }
        assertEquals(0x9000, authorizedUnblock("123456789012"));
    }

    @Test
    void changingThePinNeedsTheOldOneAndKeepsThePolicy() throws Exception {
        authorizedUnblock("123456");
        assertEquals(0x6A80, changePin("123456", "12"), "bad new PIN refused before a try is spent");
        assertEquals(0x63C3, pinStatus());
        assertEquals(0x63C2, changePin("111111", "222222"));
        assertEquals(0x9000, changePin("123456", "222222"));
        assertEquals(0x9000, verify("222222"));
    }

    private int changePin(String oldPin, String newPin) {
        byte[] old = oldPin.getBytes(StandardCharsets.US_ASCII);
        byte[] fresh = newPin.getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[2 + old.length + fresh.length];
        data[0] = (byte) old.length;
        System.arraycopy(old, 0, data, 1, old.length);
        data[1 + old.length] = (byte) fresh.length;
        System.arraycopy(fresh, 0, data, 2 + old.length, fresh.length);
        return send(CLA_ISO, INS_CHANGE_REFERENCE_DATA, 0, PIN_REFERENCE, data);
    }

    @Test
    void signingNeedsAVerifiedPinAndTheSignatureMatchesTheCertificateOnTheCard() throws Exception {
        authorizedUnblock("123456");
        byte[] message = "E-Onay consent text".getBytes(StandardCharsets.UTF_8);
        byte[] digestInfo = sha256DigestInfo(MessageDigest.getInstance("SHA-256").digest(message));
        assertEquals(0x6982, send(CLA_ISO, INS_PERFORM_SECURITY_OPERATION, PSO_SIGNATURE_P1, PSO_SIGNATURE_P2, digestInfo));

        assertEquals(0x9000, verify("123456"));
        ResponseAPDU signature = transmit(new CommandAPDU(CLA_ISO, INS_PERFORM_SECURITY_OPERATION, PSO_SIGNATURE_P1,
                PSO_SIGNATURE_P2, digestInfo, 256));
        assertEquals(0x9000, signature.getSW());

        X509Certificate onCard = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(TestCardFactory.readCertificate(card::transmitCommand)));
        assertEquals(personalized.certificate(), onCard);
        onCard.verify(factory.testCaCertificate().getPublicKey());
        assertTrue(onCard.getSubjectX500Principal().getName(X500Principal.RFC2253, Map.of("2.5.4.5", "SERIALNUMBER"))
                .contains("SERIALNUMBER=10000000146"), "the TCKN is in the subject");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(onCard.getPublicKey());
        verifier.update(message);
        assertTrue(verifier.verify(signature.getData()));
    }

    @Test
    void theSerialNumberIsReadableAndPersonalizationIsClosedAfterIssue() {
        ResponseAPDU serial = transmit(new CommandAPDU(CLA_PROPRIETARY, INS_GET_DATA, 0, DATA_SERIAL_NUMBER, 256));
        assertArrayEquals(SERIAL.getBytes(StandardCharsets.US_ASCII), serial.getData());
        assertEquals(0x6985, send(CLA_PROPRIETARY, INS_PUT_DATA, 0, DATA_ADMIN_KEY, new byte[16]));
        assertEquals(0x6985, transmit(new CommandAPDU(CLA_PROPRIETARY, INS_GENERATE_KEY_PAIR, 0, 0)).getSW());
    }

    @Test
    void aCardMadeTwiceWithTheSameSerialUnblocksWithTheSameBackendKey() throws Exception {
        TestCardFactory again = new TestCardFactory(20261126L);
        assertArrayEquals(factory.masterKey(), again.masterKey());
        assertArrayEquals(personalized.adminKey(),
                AdminKeys.diversify(again.masterKey(), SERIAL.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(!Arrays.equals(personalized.adminKey(),
                AdminKeys.diversify(again.masterKey(), "RD0000000002".getBytes(StandardCharsets.US_ASCII))));
    }

    /** DER DigestInfo for SHA-256 (RFC 8017, 9.2 note 1). */
    private static byte[] sha256DigestInfo(byte[] hash) {
        byte[] prefix = { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
                0x05, 0x00, 0x04, 0x20 };
        byte[] digestInfo = Arrays.copyOf(prefix, prefix.length + hash.length);
        System.arraycopy(hash, 0, digestInfo, prefix.length, hash.length);
        return digestInfo;
    }
}
