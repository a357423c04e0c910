package org.regdesk.card.reference;

import static org.regdesk.card.reference.ReferenceCardProfile.*;

import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.OwnerPIN;
import javacard.framework.Util;
import javacard.security.AESKey;
import javacard.security.KeyBuilder;
import javacard.security.KeyPair;
import javacard.security.RSAPublicKey;
import javacard.security.RandomData;
import javacardx.crypto.Cipher;

/**
 * The reference card: a PIN with 3 tries and 6-12 digits that starts "not set", unblock and first
 * PIN by challenge-response with a per-card AES-128 admin key (the key never leaves the card or the
 * backend), an on-card RSA-2048 signing key with its certificate, and a serial number. Written in Java
 * Card style (short arithmetic, no allocation after install) so it could be converted to a CAP file.
 */
public final class ReferenceCardApplet extends Applet {

    private static final byte LIFE_CYCLE_PERSONALIZATION = 1;
    private static final byte LIFE_CYCLE_ISSUED = 2;

    private final OwnerPIN pin = new OwnerPIN(PIN_TRIES, PIN_MAX_LENGTH);
    private final AESKey adminKey = (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_128, false);
    private final KeyPair signingKey = new KeyPair(KeyPair.ALG_RSA_CRT, KeyBuilder.LENGTH_RSA_2048);
    private final Cipher aes = Cipher.getInstance(Cipher.ALG_AES_BLOCK_128_ECB_NOPAD, false);
    private final Cipher rsa = Cipher.getInstance(Cipher.ALG_RSA_PKCS1, false);
    private final RandomData random = RandomData.getInstance(RandomData.ALG_SECURE_RANDOM);
    private final byte[] serial = new byte[MAX_SERIAL_LENGTH];
    private final byte[] certificate = new byte[MAX_CERTIFICATE_LENGTH];
    /** [0] life cycle, [1] PIN set, [2] admin key set, [3] key pair generated; persistent. */
    private final byte[] flags = new byte[4];
    private short serialLength;
    private short certificateLength;
    /** The last challenge and whether it may still be used; both forgotten on deselect and power loss. */
    private final byte[] challenge = JCSystem.makeTransientByteArray(CHALLENGE_LENGTH, JCSystem.CLEAR_ON_DESELECT);
    private final byte[] challengeUsable = JCSystem.makeTransientByteArray((short) 1, JCSystem.CLEAR_ON_DESELECT);
    private final byte[] scratch = JCSystem.makeTransientByteArray((short) 256, JCSystem.CLEAR_ON_DESELECT);

    private ReferenceCardApplet() {
        flags[0] = LIFE_CYCLE_PERSONALIZATION;
    }

    public static void install(byte[] parameters, short offset, byte length) {
        new ReferenceCardApplet().register();
    }

    @Override
    public void deselect() {
        pin.reset(); // a verified PIN does not survive a deselect
    }

    @Override
    public void process(APDU apdu) {
        if (selectingApplet()) {
            return;
        }
        byte[] buffer = apdu.getBuffer();
        byte cla = (byte) (buffer[ISO7816.OFFSET_CLA] & 0xFC);
        byte ins = buffer[ISO7816.OFFSET_INS];
        if (cla == CLA_ISO) {
            switch (ins) {
            case INS_VERIFY -> verify(apdu);
            case INS_CHANGE_REFERENCE_DATA -> changePin(apdu);
            case INS_GET_CHALLENGE -> getChallenge(apdu);
            case INS_RESET_RETRY_COUNTER -> resetRetryCounter(apdu);
            case INS_PERFORM_SECURITY_OPERATION -> sign(apdu);
            case INS_READ_BINARY -> readCertificate(apdu);
            default -> ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
            }
        } else if (cla == CLA_PROPRIETARY) {
            switch (ins) {
            case INS_GET_DATA -> getData(apdu);
            case INS_PUT_DATA -> putData(apdu);
            case INS_UPDATE_BINARY -> writeCertificate(apdu);
            case INS_GENERATE_KEY_PAIR -> generateKeyPair(apdu);
            case INS_FINISH_PERSONALIZATION -> finishPersonalization();
            default -> ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
            }
        } else {
            ISOException.throwIt(ISO7816.SW_CLA_NOT_SUPPORTED);
        }
    }

    // --- PIN -------------------------------------------------------------------------------------

    private void requirePinReference(byte[] buffer) {
        if (buffer[ISO7816.OFFSET_P2] != PIN_REFERENCE) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
    }

    /** Refuses before any try is used when the PIN is not set or blocked. */
    private void requireUsablePin() {
        requireIssued();
        if (flags[1] == 0) {
            ISOException.throwIt(SW_PIN_NOT_SET);
        }
        if (pin.getTriesRemaining() == 0) {
            ISOException.throwIt(SW_PIN_BLOCKED);
        }
    }

    private void verify(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        requirePinReference(buffer);
        short length = apdu.setIncomingAndReceive();
        requireUsablePin();
        if (length == 0) { // status query: tries left, no try used
            ISOException.throwIt(pin.isValidated() ? ISO7816.SW_NO_ERROR
                    : (short) (SW_WRONG_PIN_BASE | pin.getTriesRemaining()));
        }
        checkPin(buffer, ISO7816.OFFSET_CDATA, (byte) length);
    }

    private void checkPin(byte[] buffer, short offset, byte length) {
        if (!pin.check(buffer, offset, length)) {
            ISOException.throwIt((short) (SW_WRONG_PIN_BASE | pin.getTriesRemaining()));
        }
    }

    /** Data: length of the old PIN, old PIN, length of the new PIN, new PIN. */
    private void changePin(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        requirePinReference(buffer);
        short length = apdu.setIncomingAndReceive();
        requireUsablePin();
        short oldLength = (short) (buffer[ISO7816.OFFSET_CDATA] & 0xFF);
        short newLengthAt = (short) (ISO7816.OFFSET_CDATA + 1 + oldLength);
        if (length < 2 || oldLength > PIN_MAX_LENGTH || (short) (newLengthAt - ISO7816.OFFSET_CDATA) >= length) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        short newLength = (short) (buffer[newLengthAt] & 0xFF);
        if ((short) (newLengthAt - ISO7816.OFFSET_CDATA + 1 + newLength) != length) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        requirePinPolicy(buffer, (short) (newLengthAt + 1), newLength); // before a try is spent
        checkPin(buffer, (short) (ISO7816.OFFSET_CDATA + 1), (byte) oldLength);
        pin.update(buffer, (short) (newLengthAt + 1), (byte) newLength);
    }

    private static void requirePinPolicy(byte[] buffer, short offset, short length) {
        if (length < PIN_MIN_LENGTH || length > PIN_MAX_LENGTH) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        for (short i = 0; i < length; i++) {
            byte digit = buffer[(short) (offset + i)];
            if (digit < '0' || digit > '9') {
                ISOException.throwIt(ISO7816.SW_WRONG_DATA);
            }
        }
    }

    // --- Unblock and first PIN by challenge-response ------------------------------------------------

    private void getChallenge(APDU apdu) {
        requireIssued();
        random.generateData(challenge, (short) 0, CHALLENGE_LENGTH);
        challengeUsable[0] = 1;
        byte[] buffer = apdu.getBuffer();
        Util.arrayCopyNonAtomic(challenge, (short) 0, buffer, (short) 0, CHALLENGE_LENGTH);
        apdu.setOutgoingAndSend((short) 0, CHALLENGE_LENGTH);
    }

    /**
     * Data: cryptogram (AES-CMAC, RFC 4493, of the last challenge under this card's admin key),
     * length of the new PIN, new PIN. The challenge is spent by the attempt whatever its outcome, so a
     * cryptogram works once; the counter reset and the new PIN are one atomic update.
     */
    private void resetRetryCounter(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        requirePinReference(buffer);
        if (buffer[ISO7816.OFFSET_P1] != RESET_WITH_NEW_PIN) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short length = apdu.setIncomingAndReceive();
        requireIssued();
        if (challengeUsable[0] == 0) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        challengeUsable[0] = 0;
        short newLength = (short) (length - CHALLENGE_LENGTH - 1);
        if (newLength < 0 || (short) (buffer[(short) (ISO7816.OFFSET_CDATA + CHALLENGE_LENGTH)] & 0xFF) != newLength) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        cmacOfChallenge();
        if (Util.arrayCompare(scratch, (short) 0, buffer, ISO7816.OFFSET_CDATA, CHALLENGE_LENGTH) != 0) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
        short newPinAt = (short) (ISO7816.OFFSET_CDATA + CHALLENGE_LENGTH + 1);
        requirePinPolicy(buffer, newPinAt, newLength);
        JCSystem.beginTransaction();
        pin.update(buffer, newPinAt, (byte) newLength); // also resets the try counter
        flags[1] = 1;
        JCSystem.commitTransaction();
    }

    /**
     * AES-CMAC of the 16-byte challenge into scratch[0..16): the challenge is one complete block, so
     * CMAC = AES(K, challenge XOR K1) with K1 derived from L = AES(K, 0) (RFC 4493, section 2.3).
     */
    private void cmacOfChallenge() {
        aes.init(adminKey, Cipher.MODE_ENCRYPT);
        Util.arrayFillNonAtomic(scratch, (short) 0, CHALLENGE_LENGTH, (byte) 0);
        aes.doFinal(scratch, (short) 0, CHALLENGE_LENGTH, scratch, CHALLENGE_LENGTH); // L
        boolean carry = (scratch[CHALLENGE_LENGTH] & 0x80) != 0;
        for (short i = 0; i < CHALLENGE_LENGTH; i++) { // K1 = L << 1, XOR challenge
            short at = (short) (CHALLENGE_LENGTH + i);
            byte next = i < (short) (CHALLENGE_LENGTH - 1) ? (byte) ((scratch[(short) (at + 1)] & 0xFF) >>> 7) : 0;
            scratch[i] = (byte) ((byte) ((scratch[at] << 1) | next) ^ challenge[i]);
        }
        if (carry) {
            scratch[(short) (CHALLENGE_LENGTH - 1)] ^= (byte) 0x87;
        }
        aes.doFinal(scratch, (short) 0, CHALLENGE_LENGTH, scratch, (short) 0);
    }

    // --- Signature and certificate ----------------------------------------------------------------

    /** Data: a DER DigestInfo; answer: the PKCS#1 v1.5 signature. Needs the PIN verified since select. */
    private void sign(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        if (buffer[ISO7816.OFFSET_P1] != PSO_SIGNATURE_P1 || buffer[ISO7816.OFFSET_P2] != PSO_SIGNATURE_P2) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short length = apdu.setIncomingAndReceive();
        requireIssued();
        if (!pin.isValidated()) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
        rsa.init(signingKey.getPrivate(), Cipher.MODE_ENCRYPT);
        short signatureLength = rsa.doFinal(buffer, ISO7816.OFFSET_CDATA, length, scratch, (short) 0);
        Util.arrayCopyNonAtomic(scratch, (short) 0, buffer, (short) 0, signatureLength);
        apdu.setOutgoingAndSend((short) 0, signatureLength);
    }

    /** READ BINARY of the certificate; P1 P2 = offset. */
    private void readCertificate(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        short offset = Util.getShort(buffer, ISO7816.OFFSET_P1);
        if (offset < 0 || offset > certificateLength) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        short wanted = apdu.setOutgoing();
        short count = (short) (certificateLength - offset);
        if (count > wanted) {
            count = wanted;
        }
        apdu.setOutgoingLength(count);
        apdu.sendBytesLong(certificate, offset, count);
    }

    // --- Data objects and personalization ------------------------------------------------------

    private void getData(APDU apdu) {
        byte[] buffer = apdu.getBuffer();
        short length;
        switch (buffer[ISO7816.OFFSET_P2]) {
        case DATA_SERIAL_NUMBER -> {
            Util.arrayCopyNonAtomic(serial, (short) 0, buffer, (short) 0, serialLength);
            length = serialLength;
        }
        case DATA_PUBLIC_MODULUS -> {
            requireKeyPair();
            length = ((RSAPublicKey) signingKey.getPublic()).getModulus(scratch, (short) 0);
            Util.arrayCopyNonAtomic(scratch, (short) 0, buffer, (short) 0, length);
        }
        case DATA_PUBLIC_EXPONENT -> {
            requireKeyPair();
            length = ((RSAPublicKey) signingKey.getPublic()).getExponent(buffer, (short) 0);
        }
        default -> {
            ISOException.throwIt(ISO7816.SW_RECORD_NOT_FOUND);
            return;
        }
        }
        apdu.setOutgoingAndSend((short) 0, length);
    }

    private void putData(APDU apdu) {
        requirePersonalization();
        byte[] buffer = apdu.getBuffer();
        short length = apdu.setIncomingAndReceive();
        switch (buffer[ISO7816.OFFSET_P2]) {
        case DATA_SERIAL_NUMBER -> {
            if (length < 1 || length > MAX_SERIAL_LENGTH) {
                ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
            }
            Util.arrayCopy(buffer, ISO7816.OFFSET_CDATA, serial, (short) 0, length);
            serialLength = length;
        }
        case DATA_ADMIN_KEY -> {
            if (length != 16) {
                ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
            }
            adminKey.setKey(buffer, ISO7816.OFFSET_CDATA);
            flags[2] = 1;
        }
        default -> ISOException.throwIt(ISO7816.SW_RECORD_NOT_FOUND);
        }
    }

    /** UPDATE BINARY of the certificate during personalization; P1 P2 = offset. */
    private void writeCertificate(APDU apdu) {
        requirePersonalization();
        byte[] buffer = apdu.getBuffer();
        short offset = Util.getShort(buffer, ISO7816.OFFSET_P1);
        short length = apdu.setIncomingAndReceive();
        if (offset < 0 || (short) (offset + length) > MAX_CERTIFICATE_LENGTH || (short) (offset + length) < 0) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        Util.arrayCopy(buffer, ISO7816.OFFSET_CDATA, certificate, offset, length);
        if ((short) (offset + length) > certificateLength) {
            certificateLength = (short) (offset + length);
        }
    }

    private void generateKeyPair(APDU apdu) {
        requirePersonalization();
        signingKey.genKeyPair();
        flags[3] = 1;
    }

    private void finishPersonalization() {
        requirePersonalization();
        if (serialLength == 0 || flags[2] == 0 || flags[3] == 0 || certificateLength == 0) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        flags[0] = LIFE_CYCLE_ISSUED;
    }

    private void requirePersonalization() {
        if (flags[0] != LIFE_CYCLE_PERSONALIZATION) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
    }

    private void requireIssued() {
        if (flags[0] != LIFE_CYCLE_ISSUED) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
    }

    private void requireKeyPair() {
        if (flags[3] == 0) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
    }
}
