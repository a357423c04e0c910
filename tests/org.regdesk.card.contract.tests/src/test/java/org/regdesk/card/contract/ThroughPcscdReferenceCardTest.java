package org.regdesk.card.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regdesk.card.api.ApduTransport;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.pcsc.internal.PcscTransport;
import org.regdesk.card.pcsc.internal.ReferenceCardDriver;
import org.regdesk.card.reference.ReferenceCards;
import org.regdesk.card.reference.TestCardFactory;
import org.regdesk.card.reference.VirtualCardBridge;

import com.licel.jcardsim.smartcardio.CardSimulator;

/**
 * The PC/SC reference driver through the real stack: javax.smartcardio, pcscd, vsmartcard-vpcd and
 * the card behind {@link VirtualCardBridge}. Pulling the card closes the bridge, so the next APDU
 * fails inside pcscd exactly as with a card yanked from a reader.
 */
class ThroughPcscdReferenceCardTest extends CardDriverContractTest {

    private static final String READER = "Virtual PCD 00 00";

    private VirtualCardBridge bridge;
    private int apdusUntilPulled = -1;

    @BeforeAll
    static void requirePcscd() {
        Pcscd.require();
    }

    @AfterEach
    void removeCard() throws Exception {
        if (bridge != null) {
            bridge.close();
            assertTrue(terminal(READER).waitForCardAbsent(10_000));
        }
    }

    private static CardTerminal terminal(String name) throws javax.smartcardio.CardException {
        CardTerminal terminal = TerminalFactory.getDefault().terminals().getTerminal(name);
        assertTrue(terminal != null, "pcscd has no reader " + name);
        return terminal;
    }

    @Override
    TestCardFactory.PersonalizedCard insertNewCard(String serialNumber) throws Exception {
        CardSimulator card = ReferenceCards.newCard();
        TestCardFactory.PersonalizedCard made = factory.personalize(card::transmitCommand, serialNumber, HOLDER);
        card.reset();
        bridge = VirtualCardBridge.insert(card, "127.0.0.1", VirtualCardBridge.READER_0_PORT, Duration.ofSeconds(10));
        assertTrue(terminal(READER).waitForCardPresent(10_000));
        return made;
    }

    @Override
    CardSession open() throws Exception {
        PcscTransport pcsc = PcscTransport.connect(terminal(READER));
        ReferenceCardDriver driver = new ReferenceCardDriver();
        assertTrue(driver.match(pcsc.probe()) > 0, "the reference driver recognises the ATR pcscd reports");
        return driver.open(pcsc.probe(), new PullingTransport(pcsc));
    }

    @Override
    void pullAfter(int apdus) {
        apdusUntilPulled = apdus;
    }

    @Override
    void reinsert() throws Exception {
        bridge.insert();
        assertTrue(terminal(READER).waitForCardPresent(10_000));
    }

    /** Forwards to pcscd and pulls the card out of the reader after the set number of APDUs. */
    private final class PullingTransport implements ApduTransport {
        private final PcscTransport pcsc;

        PullingTransport(PcscTransport pcsc) {
            this.pcsc = pcsc;
        }

        @Override
        public org.regdesk.card.api.CardProbe probe() {
            return pcsc.probe();
        }

        @Override
        public byte[] transmit(byte[] command) throws CardException {
            if (apdusUntilPulled == 0) {
                apdusUntilPulled = -1;
                bridge.remove();
                try {
                    terminal(READER).waitForCardAbsent(10_000);
                } catch (javax.smartcardio.CardException e) {
                    throw new IllegalStateException(e);
                }
            } else if (apdusUntilPulled > 0) {
                apdusUntilPulled--;
            }
            return pcsc.transmit(command);
        }

        @Override
        public void beginExclusive() throws CardException {
            pcsc.beginExclusive();
        }

        @Override
        public void endExclusive() {
            pcsc.endExclusive();
        }

        @Override
        public void close() {
            pcsc.close();
        }
    }

    @Test
    void aSecondThreadWaitsForTheCardReservationInsteadOfFailing() throws Exception {
        // javax.smartcardio gives every connection to the reader the same Card and reserves it per
        // thread: the desk's background scan and a wizard meet exactly so.
        PcscTransport first = PcscTransport.connect(terminal(READER));
        first.beginExclusive();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            try {
                PcscTransport other = PcscTransport.connect(terminal(READER));
                other.beginExclusive();
                other.endExclusive();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        Thread.sleep(300);
        assertFalse(second.isDone(), "the second thread waits while the first holds the card");
        first.endExclusive();
        second.get(5, TimeUnit.SECONDS);
        assertEquals(SERIAL, session.identity().serialNumber());
    }

    @Test
    void twoCardsInTwoReadersAreToldApartBySerial() throws Exception {
        CardSimulator other = ReferenceCards.newCard();
        factory.personalize(other::transmitCommand, "RD0000000202", new TestCardFactory.Holder("MEHMET KAYA", "10000000078"));
        other.reset();
        try (VirtualCardBridge second = VirtualCardBridge.insert(other, "127.0.0.1", VirtualCardBridge.READER_1_PORT,
                Duration.ofSeconds(10))) {
            assertTrue(terminal("Virtual PCD 00 01").waitForCardPresent(10_000));
            try (CardSession secondSession = new ReferenceCardDriver().open(
                    PcscTransport.connect(terminal("Virtual PCD 00 01")).probe(),
                    PcscTransport.connect(terminal("Virtual PCD 00 01")))) {
                assertEquals(SERIAL, session.identity().serialNumber());
                assertEquals("RD0000000202", secondSession.identity().serialNumber());
            }
        }
        assertTrue(terminal("Virtual PCD 00 01").waitForCardAbsent(10_000));
    }
}
