package org.regdesk.card.reference;

/**
 * The RegDesk reference card profile: application identifier, instruction bytes, references and
 * status words shared by the applet, the personalization tool and the drivers. ISO 7816-4 where ISO
 * has a command for the job (CLA 00), proprietary CLA 80 for personalization and data objects.
 */
public final class ReferenceCardProfile {

    private ReferenceCardProfile() {
    }

    /** Application identifier: RID A0 00 00 0A 52 ("R"), PIX 44 01 ("D", version 1). */
    public static final byte[] AID = { (byte) 0xA0, 0x00, 0x00, 0x0A, 0x52, 0x44, 0x01 };

    public static final byte CLA_ISO = 0x00;
    public static final byte CLA_PROPRIETARY = (byte) 0x80;

    public static final byte INS_VERIFY = 0x20;
    public static final byte INS_CHANGE_REFERENCE_DATA = 0x24;
    public static final byte INS_RESET_RETRY_COUNTER = 0x2C;
    public static final byte INS_GET_CHALLENGE = (byte) 0x84;
    public static final byte INS_PERFORM_SECURITY_OPERATION = 0x2A;
    public static final byte INS_READ_BINARY = (byte) 0xB0;
    public static final byte INS_UPDATE_BINARY = (byte) 0xD6;
    public static final byte INS_GET_DATA = (byte) 0xCA;
    public static final byte INS_PUT_DATA = (byte) 0xDA;
    public static final byte INS_GENERATE_KEY_PAIR = 0x46;
    public static final byte INS_FINISH_PERSONALIZATION = (byte) 0xF0;

    /** P2 of VERIFY, CHANGE REFERENCE DATA and RESET RETRY COUNTER: the citizen's PIN. */
    public static final byte PIN_REFERENCE = (byte) 0x81;
    /** P1 of RESET RETRY COUNTER: reset the counter and set new reference data in one command. */
    public static final byte RESET_WITH_NEW_PIN = 0x02;
    /** P1 P2 of PERFORM SECURITY OPERATION: compute digital signature over a DigestInfo. */
    public static final byte PSO_SIGNATURE_P1 = (byte) 0x9E;
    public static final byte PSO_SIGNATURE_P2 = (byte) 0x9A;

    /** P2 of GET DATA / PUT DATA. */
    public static final byte DATA_SERIAL_NUMBER = 0x01;
    public static final byte DATA_ADMIN_KEY = 0x02;
    public static final byte DATA_PUBLIC_MODULUS = 0x03;
    public static final byte DATA_PUBLIC_EXPONENT = 0x04;

    public static final byte PIN_TRIES = 3;
    public static final byte PIN_MIN_LENGTH = 6;
    public static final byte PIN_MAX_LENGTH = 12;
    public static final short CHALLENGE_LENGTH = 16;
    public static final short MAX_SERIAL_LENGTH = 16;
    public static final short MAX_CERTIFICATE_LENGTH = 2048;

    /** Status words beyond the ones in javacard.framework.ISO7816. */
    public static final short SW_PIN_NOT_SET = 0x6A88; // referenced data not found
    public static final short SW_PIN_BLOCKED = 0x6983; // authentication method blocked
    public static final short SW_WRONG_PIN_BASE = 0x63C0; // 63Cx: x tries left
}
