package org.regdesk.card.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardReaderProvider.ReaderState;
import org.regdesk.card.pcsc.internal.PcscReaderProvider;
import org.regdesk.card.reference.ReferenceCards;
import org.regdesk.card.reference.TestCardFactory;
import org.regdesk.card.reference.VirtualCardBridge;

import com.licel.jcardsim.smartcardio.CardSimulator;

/**
 * pcscd restarts under a running desk (package update, crash): the PC/SC provider must find the
 * readers again without a JVM restart, and see a card inserted afterwards. `./desk test` lets this
 * test restart the pcscd it started (REGDESK_PCSCD_RESTART); surefire opens the JDK's PC/SC package
 * as the workstation launcher does.
 */
class PcscdRestartTest {

    @Test
    void readersAndNewCardsComeBackAfterPcscdRestarts() throws Exception {
        Pcscd.require();
        String restart = System.getenv("REGDESK_PCSCD_RESTART");
        if (System.getenv("CI") != null) {
            assertNotNull(restart, "./desk test sets REGDESK_PCSCD_RESTART when it owns pcscd");
        }
        Assumptions.assumeTrue(restart != null, "only ./desk test may restart pcscd");

        PcscReaderProvider provider = new PcscReaderProvider();
        assertFalse(provider.scan().isEmpty(), "virtual readers before the restart");

        assertEquals(0, new ProcessBuilder("sh", "-c", restart).inheritIO().start().waitFor(), "restart pcscd");
        assertThrows(CardException.class, provider::scan, "the old PC/SC context is dead");

        List<ReaderState> readers = waitForReaders(provider);
        assertEquals("Virtual PCD 00 00", readers.get(0).reader().name());

        CardSimulator card = ReferenceCards.newCard();
        new TestCardFactory(5L).personalize(card::transmitCommand, "RD0000000401",
                new TestCardFactory.Holder("ALİ ÖZ", "10000000382"));
        card.reset();
        try (VirtualCardBridge bridge = VirtualCardBridge.insert(card, "127.0.0.1", VirtualCardBridge.READER_0_PORT,
                Duration.ofSeconds(10))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean present = false;
            while (!present && System.nanoTime() < deadline) {
                present = provider.scan().get(0).cardPresent();
                Thread.sleep(100);
            }
            assertEquals(true, present, "a card inserted after the restart is seen");
            try (var transport = provider.connect(readers.get(0).reader())) {
                assertEquals("3B87015265674465736BEF", transport.probe().atr());
            }
        }
    }

    private static List<ReaderState> waitForReaders(PcscReaderProvider provider) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                List<ReaderState> readers = provider.scan();
                if (!readers.isEmpty()) {
                    return readers;
                }
            } catch (CardException stillStarting) {
                // pcscd is coming up
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the readers did not come back after the pcscd restart");
    }
}
