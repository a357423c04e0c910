package org.regdesk.card.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regdesk.card.reference.ReferenceCardProfile.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.utils.AIDUtil;

/**
 * The reference card behind the real PC/SC stack: pcscd with vsmartcard-vpcd, the card answered by
 * {@link VirtualCardBridge}, the host side through javax.smartcardio exactly as a driver will use it.
 * `./desk test` (and so CI) starts pcscd; without it these tests are skipped here, and fail under CI.
 */
class ThroughPcscdTest {

    private static final String READER_0 = "Virtual PCD 00 00";
    private static final String READER_1 = "Virtual PCD 00 01";
    private static TestCardFactory factory;

    private VirtualCardBridge first;
    private VirtualCardBridge second;
    private CardSimulator firstCard;
    private TestCardFactory.PersonalizedCard firstPersonalized;

    @BeforeAll
    static void requirePcscd() throws Exception {
        boolean running = Files.exists(Path.of("/run/pcscd/pcscd.comm"));
        if (System.getenv("CI") != null) {
            assertTrue(running, "pcscd is not running; ./desk test starts it");
        }
        Assumptions.assumeTrue(running, "pcscd is not running (./desk test starts it)");
        factory = new TestCardFactory(7L);
    }

    @BeforeEach
    void insertTwoCards() throws Exception {
        firstCard = newCard();
        firstPersonalized = factory.personalize(firstCard::transmitCommand, "RD0000000101",
                new TestCardFactory.Holder("AYŞE YILMAZ", "10000000146"));
        CardSimulator secondCard = newCard();
        factory.personalize(secondCard::transmitCommand, "RD0000000102", new TestCardFactory.Holder("MEHMET KAYA", "10000000078"));
        first = VirtualCardBridge.insert(firstCard, "127.0.0.1", VirtualCardBridge.READER_0_PORT, Duration.ofSeconds(10));
        second = VirtualCardBridge.insert(secondCard, "127.0.0.1", VirtualCardBridge.READER_1_PORT, Duration.ofSeconds(10));
    }

    @AfterEach
    void removeCards() throws CardException {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        // pcscd notices a removal asynchronously; the next test must not meet a card that is leaving.
        for (String reader : new String[] { READER_0, READER_1 }) {
            CardTerminal terminal = TerminalFactory.getDefault().terminals().getTerminal(reader);
            if (terminal != null) {
                assertTrue(terminal.waitForCardAbsent(10_000), reader + " still reports a card");
            }
        }
    }

    private static CardSimulator newCard() {
        CardSimulator card = new CardSimulator();
        card.installApplet(AIDUtil.create(AID), ReferenceCardApplet.class);
        return card;
    }

    private static CardTerminal terminal(String name) throws CardException {
        CardTerminal terminal = TerminalFactory.getDefault().terminals().getTerminal(name);
        assertTrue(terminal != null, "pcscd has no reader " + name);
        assertTrue(terminal.waitForCardPresent(10_000), "no card in " + name);
        return terminal;
    }

    private static CardChannel select(Card card) throws CardException {
        CardChannel channel = card.getBasicChannel();
        assertEquals(0x9000, channel.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, AID)).getSW());
        return channel;
    }

    private static String serial(CardChannel channel) throws CardException {
        return new String(channel.transmit(new CommandAPDU(CLA_PROPRIETARY, INS_GET_DATA, 0, DATA_SERIAL_NUMBER, 256))
                .getData(), StandardCharsets.US_ASCII);
    }

    @Test
    void twoCardsInTwoReadersAreToldApartBySerial() throws Exception {
        Card a = terminal(READER_0).connect("*");
        Card b = terminal(READER_1).connect("*");
        try {
            assertEquals("RD0000000101", serial(select(a)));
            assertEquals("RD0000000102", serial(select(b)));
            assertArrayEquals(firstCard.getATR(), a.getATR().getBytes());
        } finally {
            a.disconnect(false);
            b.disconnect(false);
        }
    }

    @Test
    void unblockAndVerifyGiveTheSameStatusWordsThroughPcscdAsInProcess() throws Exception {
        Card card = terminal(READER_0).connect("*");
        try {
            CardChannel channel = select(card);
            assertEquals(SW_PIN_NOT_SET, channel.transmit(new CommandAPDU(CLA_ISO, INS_VERIFY, 0, PIN_REFERENCE)).getSW());
            byte[] challenge = channel.transmit(new CommandAPDU(CLA_ISO, INS_GET_CHALLENGE, 0, 0, CHALLENGE_LENGTH)).getData();
            byte[] cryptogram = AdminKeys.unblockCryptogram(firstPersonalized.adminKey(), challenge);
            byte[] data = new byte[17 + 6];
            System.arraycopy(cryptogram, 0, data, 0, 16);
            data[16] = 6;
            System.arraycopy("123456".getBytes(StandardCharsets.US_ASCII), 0, data, 17, 6);
            assertEquals(0x9000, channel.transmit(new CommandAPDU(CLA_ISO, INS_RESET_RETRY_COUNTER, RESET_WITH_NEW_PIN,
                    PIN_REFERENCE, data)).getSW());
            assertEquals(0x63C2, channel.transmit(new CommandAPDU(CLA_ISO, INS_VERIFY, 0, PIN_REFERENCE,
                    "000000".getBytes(StandardCharsets.US_ASCII))).getSW());
        } finally {
            card.disconnect(false);
        }
    }

    @Test
    void aPulledCardEndsTheSessionAndComesBackWithItsCounters() throws Exception {
        Card card = terminal(READER_0).connect("*");
        CardChannel channel = select(card);
        byte[] challenge = channel.transmit(new CommandAPDU(CLA_ISO, INS_GET_CHALLENGE, 0, 0, CHALLENGE_LENGTH)).getData();
        byte[] data = new byte[17 + 6];
        System.arraycopy(AdminKeys.unblockCryptogram(firstPersonalized.adminKey(), challenge), 0, data, 0, 16);
        data[16] = 6;
        System.arraycopy("123456".getBytes(StandardCharsets.US_ASCII), 0, data, 17, 6);
        channel.transmit(new CommandAPDU(CLA_ISO, INS_RESET_RETRY_COUNTER, RESET_WITH_NEW_PIN, PIN_REFERENCE, data));
        channel.transmit(new CommandAPDU(CLA_ISO, INS_VERIFY, 0, PIN_REFERENCE, "999999".getBytes(StandardCharsets.US_ASCII)));

        first.remove();
        CardTerminal reader = TerminalFactory.getDefault().terminals().getTerminal(READER_0);
        assertTrue(reader.waitForCardAbsent(10_000), "the reader noticed the card was pulled");
        assertThrows(CardException.class, () -> channel.transmit(new CommandAPDU(CLA_ISO, INS_VERIFY, 0, PIN_REFERENCE)));

        first.insert();
        Card again = terminal(READER_0).connect("*");
        try {
            int status = select(again).transmit(new CommandAPDU(CLA_ISO, INS_VERIFY, 0, PIN_REFERENCE)).getSW();
            assertEquals(0x63C2, status, "the wrong try before the pull is still counted");
            assertNotEquals(0x9000, status, "a verified PIN does not survive a pull");
        } finally {
            again.disconnect(false);
        }
    }
}
