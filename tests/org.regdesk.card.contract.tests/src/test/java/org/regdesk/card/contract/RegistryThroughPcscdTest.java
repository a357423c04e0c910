package org.regdesk.card.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regdesk.card.api.CardView;
import org.regdesk.card.api.PinStatus;
import org.regdesk.card.pcsc.internal.PcscReaderProvider;
import org.regdesk.card.pcsc.internal.ReferenceCardDriver;
import org.regdesk.card.reference.ReferenceCards;
import org.regdesk.card.reference.TestCardFactory;
import org.regdesk.card.reference.VirtualCardBridge;
import org.regdesk.card.registry.internal.CardRegistry;

import com.licel.jcardsim.smartcardio.CardSimulator;

/** The registry with the real PC/SC provider and driver: cards appear and vanish as they are inserted and pulled. */
class RegistryThroughPcscdTest {

    @BeforeAll
    static void requirePcscd() {
        Pcscd.require();
    }

    private static CardView waitForReader(CardRegistry registry, String name, Predicate<CardView> condition) throws Exception {
        return Eventually.within(Duration.ofSeconds(15), name + " reaching the expected state", () -> {
            registry.refresh();
            return registry.views().stream().filter(view -> view.reader().name().equals(name) && condition.test(view))
                    .findFirst();
        });
    }

    @Test
    void anInsertedCardIsIdentifiedBySerialAndHolderAndVanishesWhenPulled() throws Exception {
        CardRegistry registry = new CardRegistry();
        registry.addProvider(new PcscReaderProvider());
        registry.addDriver(new ReferenceCardDriver());

        CardSimulator card = ReferenceCards.newCard();
        new TestCardFactory(99L).personalize(card::transmitCommand, "RD0000000301",
                new TestCardFactory.Holder("ZEYNEP DEMİR", "10000000214"));
        card.reset();
        try (VirtualCardBridge bridge = VirtualCardBridge.insert(card, "127.0.0.1", VirtualCardBridge.READER_0_PORT,
                Duration.ofSeconds(10))) {
            CardView view = waitForReader(registry, "Virtual PCD 00 00", v -> v.card().isPresent());
            assertEquals("RD0000000301", view.card().get().serialNumber());
            assertEquals(Optional.of("ZEYNEP DEMİR"), view.card().get().holderName());
            assertEquals(Optional.of("regdesk.reference.pcsc"), view.driverId());
            assertEquals(PinStatus.State.NOT_SET, view.pinStatus().orElseThrow().state());
            assertTrue(view.certificateNotAfter().isPresent());

            bridge.remove();
            waitForReader(registry, "Virtual PCD 00 00", v -> !v.cardPresent());
        }
    }
}
