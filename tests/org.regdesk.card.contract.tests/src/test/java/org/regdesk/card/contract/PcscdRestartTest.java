package org.regdesk.card.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

        List<ReaderState> readers = Eventually.within(Duration.ofSeconds(15), "the readers coming back after the restart",
                () -> {
                    try {
                        return Optional.of(provider.scan()).filter(list -> !list.isEmpty());
                    } catch (CardException stillStarting) {
                        return Optional.empty(); // pcscd is coming up
                    }
                });
        assertEquals("Virtual PCD 00 00", readers.get(0).reader().name());

        CardSimulator card = ReferenceCards.newCard();
        new TestCardFactory(5L).personalize(card::transmitCommand, "RD0000000401",
                new TestCardFactory.Holder("ALİ ÖZ", "10000000382"));
        card.reset();
        try (VirtualCardBridge bridge = VirtualCardBridge.insert(card, "127.0.0.1", VirtualCardBridge.READER_0_PORT,
                Duration.ofSeconds(10))) {
            Eventually.within(Duration.ofSeconds(10), "a card inserted after the restart being seen",
                    () -> provider.scan().get(0).cardPresent() ? Optional.of(true) : Optional.empty());
            try (var transport = provider.connect(readers.get(0).reader())) {
                assertEquals("3B87015265674465736BEF", transport.probe().atr());
            }
        }
    }

}
