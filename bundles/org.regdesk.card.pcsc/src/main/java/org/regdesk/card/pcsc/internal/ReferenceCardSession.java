package org.regdesk.card.pcsc.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;


import org.regdesk.card.api.ApduTransport;
import org.regdesk.card.api.CardCertificate;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardException.Reason;
import org.regdesk.card.api.CardIdentity;
import org.regdesk.card.api.CardProbe;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.DigestAlgorithm;
import org.regdesk.card.api.PinStatus;
import org.regdesk.card.api.UnblockAuthorization;
import org.regdesk.card.api.UnblockChallenge;

/**
 * A session on a RegDesk reference card over APDUs. Every operation runs inside an exclusive
 * transaction; the card's own commands keep a pulled card in its old or new state (the unblock is
 * a single RESET RETRY COUNTER, the change a single CHANGE REFERENCE DATA).
 */
final class ReferenceCardSession implements CardSession {

    static final String SIGNING_KEY = "sign";
    private static final byte[] AID = { (byte) 0xA0, 0x00, 0x00, 0x0A, 0x52, 0x44, 0x01 };
    private static final byte PIN_REFERENCE = (byte) 0x81;

    private final ApduTransport transport;
    private final CardIdentity identity;
    private final X509Certificate certificate;

    private ReferenceCardSession(ApduTransport transport, CardIdentity identity, X509Certificate certificate) {
        this.transport = transport;
        this.identity = identity;
        this.certificate = certificate;
    }

    static ReferenceCardSession open(CardProbe probe, ApduTransport transport) throws CardException {
        transport.beginExclusive();
        try {
            int select = StatusWords.of(transport.transmit(apdu(0x00, 0xA4, 0x04, 0x00, AID, -1)));
            if (select != StatusWords.OK) {
                throw new CardException(Reason.UNSUPPORTED, "Not a RegDesk reference card (SELECT " + StatusWords.hex(select) + ")");
            }
            byte[] serialResponse = transport.transmit(apdu(0x80, 0xCA, 0x00, 0x01, null, 256));
            expectOk(serialResponse, "Reading the serial number");
            String serial = new String(data(serialResponse), StandardCharsets.US_ASCII);
            X509Certificate certificate = readCertificate(transport);
            CardIdentity identity = CardIdentity.withHolderFrom(certificate, serial, probe.atr(), "RegDesk reference card");
            return new ReferenceCardSession(transport, identity, certificate);
        } finally {
            transport.endExclusive();
        }
    }

    @Override
    public CardIdentity identity() {
        return identity;
    }

    @Override
    public PinStatus pinStatus() throws CardException {
        int status = exclusive(() -> StatusWords.of(transport.transmit(apdu(0x00, 0x20, 0x00, PIN_REFERENCE, null, -1))));
        if (status == StatusWords.OK) {
            return new PinStatus(PinStatus.State.READY, OptionalInt.empty()); // verified in this session
        }
        if (StatusWords.isWrongPin(status)) {
            return PinStatus.ofTriesLeft(status & 0x0F);
        }
        return switch (status) {
        case StatusWords.PIN_BLOCKED -> PinStatus.ofTriesLeft(0);
        case StatusWords.PIN_NOT_SET -> new PinStatus(PinStatus.State.NOT_SET, OptionalInt.empty());
        default -> throw StatusWords.unexpected(status, "Reading the PIN status");
        };
    }

    @Override
    public void verifyPin(char[] pin) throws CardException {
        byte[] pinBytes = ascii(pin);
        try {
            int status = exclusive(() -> StatusWords.of(transport.transmit(apdu(0x00, 0x20, 0x00, PIN_REFERENCE, pinBytes, -1))));
            StatusWords.checkPinCommand(status, "Verifying the PIN");
        } finally {
            Arrays.fill(pinBytes, (byte) 0);
        }
    }

    @Override
    public void changePin(char[] oldPin, char[] newPin) throws CardException {
        byte[] data = lengthPrefixed(ascii(oldPin), ascii(newPin));
        try {
            int status = exclusive(() -> StatusWords.of(transport.transmit(apdu(0x00, 0x24, 0x00, PIN_REFERENCE, data, -1))));
            StatusWords.checkPinCommand(status, "Changing the PIN");
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    @Override
    public UnblockChallenge unblockChallenge() throws CardException {
        byte[] response = exclusive(() -> transport.transmit(apdu(0x00, 0x84, 0x00, 0x00, null, 16)));
        expectOk(response, "Asking the card for a challenge");
        return new UnblockChallenge(identity.serialNumber(), data(response));
    }

    @Override
    public void unblock(UnblockAuthorization authorization, char[] newPin) throws CardException {
        if (!(authorization instanceof UnblockAuthorization.Cryptogram cryptogram)) {
            throw new CardException(Reason.UNSUPPORTED, "The reference card unblocks with a challenge cryptogram only");
        }
        byte[] value = cryptogram.value();
        byte[] pin = ascii(newPin);
        byte[] data = new byte[value.length + 1 + pin.length];
        System.arraycopy(value, 0, data, 0, value.length);
        data[value.length] = (byte) pin.length;
        System.arraycopy(pin, 0, data, value.length + 1, pin.length);
        Arrays.fill(pin, (byte) 0);
        try {
            int status = exclusive(() -> StatusWords.of(transport.transmit(apdu(0x00, 0x2C, 0x02, PIN_REFERENCE, data, -1))));
            switch (status) {
            case StatusWords.OK -> {
            }
            case StatusWords.SECURITY_STATUS_NOT_SATISFIED -> throw new CardException(Reason.AUTHORIZATION_REJECTED,
                    "The card rejected the unblock authorization");
            case StatusWords.CONDITIONS_NOT_SATISFIED -> throw new CardException(Reason.AUTHORIZATION_REJECTED,
                    "The authorization was already used or the card was reset; ask for a new challenge");
            default -> throw StatusWords.unexpected(status, "Unblocking");
            }
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    @Override
    public List<CardCertificate> certificates() {
        return List.of(new CardCertificate(SIGNING_KEY, certificate));
    }

    @Override
    public byte[] sign(String keyId, DigestAlgorithm algorithm, byte[] digest) throws CardException {
        if (!SIGNING_KEY.equals(keyId)) {
            throw new CardException(Reason.UNSUPPORTED, "No key '" + keyId + "' on this card");
        }
        byte[] digestInfo = algorithm.digestInfo(digest);
        byte[] response = exclusive(() -> transport.transmit(apdu(0x00, 0x2A, 0x9E, 0x9A, digestInfo, 256)));
        int status = StatusWords.of(response);
        if (status != StatusWords.OK) {
            throw StatusWords.unexpected(status, "Signing");
        }
        return data(response);
    }

    @Override
    public void close() {
        transport.close();
    }

    // --- helpers ------------------------------------------------------------------------------------

    private interface CardWork<T> {
        T run() throws CardException;
    }

    private <T> T exclusive(CardWork<T> work) throws CardException {
        transport.beginExclusive();
        try {
            return work.run();
        } finally {
            transport.endExclusive();
        }
    }

    private static X509Certificate readCertificate(ApduTransport transport) throws CardException {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        while (true) {
            int offset = encoded.size();
            byte[] response = transport.transmit(apdu(0x00, 0xB0, offset >> 8, offset & 0xFF, null, 256));
            expectOk(response, "Reading the certificate");
            byte[] chunk = data(response);
            if (chunk.length == 0) {
                break;
            }
            encoded.writeBytes(chunk);
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(encoded.toByteArray()));
        } catch (CertificateException e) {
            throw new CardException(Reason.IO, "The certificate on the card cannot be read", e);
        }
    }


    private static void expectOk(byte[] response, String operation) throws CardException {
        int status = StatusWords.of(response);
        if (status != StatusWords.OK) {
            throw StatusWords.unexpected(status, operation);
        }
    }

    private static byte[] data(byte[] response) {
        return Arrays.copyOf(response, response.length - 2);
    }

    private static byte[] ascii(char[] pin) {
        byte[] bytes = new byte[pin.length];
        for (int i = 0; i < pin.length; i++) {
            bytes[i] = (byte) pin[i];
        }
        return bytes;
    }

    private static byte[] lengthPrefixed(byte[] first, byte[] second) {
        byte[] data = new byte[2 + first.length + second.length];
        data[0] = (byte) first.length;
        System.arraycopy(first, 0, data, 1, first.length);
        data[1 + first.length] = (byte) second.length;
        System.arraycopy(second, 0, data, 2 + first.length, second.length);
        Arrays.fill(first, (byte) 0);
        Arrays.fill(second, (byte) 0);
        return data;
    }

    /** A short command APDU; {@code le} -1 for none, 256 for "all". */
    static byte[] apdu(int cla, int ins, int p1, int p2, byte[] data, int le) {
        int dataLength = data == null ? 0 : data.length;
        byte[] command = new byte[4 + (dataLength > 0 ? 1 + dataLength : 0) + (le >= 0 ? 1 : 0)];
        command[0] = (byte) cla;
        command[1] = (byte) ins;
        command[2] = (byte) p1;
        command[3] = (byte) p2;
        int at = 4;
        if (dataLength > 0) {
            command[at++] = (byte) dataLength;
            System.arraycopy(data, 0, command, at, dataLength);
            at += dataLength;
        }
        if (le >= 0) {
            command[at] = (byte) (le == 256 ? 0 : le);
        }
        return command;
    }
}
