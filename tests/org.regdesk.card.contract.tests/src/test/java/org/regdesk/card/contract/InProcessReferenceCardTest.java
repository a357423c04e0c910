package org.regdesk.card.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;


import org.regdesk.card.api.CardProbe;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.pcsc.internal.ReferenceCardDriver;
import org.regdesk.card.reference.ReferenceCards;
import org.regdesk.card.reference.SimulatorTransport;
import org.regdesk.card.reference.TestCardFactory;

import com.licel.jcardsim.smartcardio.CardSimulator;

/** The PC/SC reference driver on a jCardSim card in the same JVM (no pcscd). */
class InProcessReferenceCardTest extends CardDriverContractTest {

    private CardSimulator card;
    private SimulatorTransport transport;

    @Override
    TestCardFactory.PersonalizedCard insertNewCard(String serialNumber) throws Exception {
        card = ReferenceCards.newCard();
        TestCardFactory.PersonalizedCard made = factory.personalize(card::transmitCommand, serialNumber, HOLDER);
        card.reset();
        transport = new SimulatorTransport(card);
        return made;
    }

    @Override
    CardSession open() throws Exception {
        ReferenceCardDriver driver = new ReferenceCardDriver();
        CardProbe probe = transport.probe();
        assertTrue(driver.match(probe) > 0, "the reference driver recognises the reference ATR");
        return driver.open(probe, transport);
    }

    @Override
    void pullAfter(int apdus) {
        transport.pullAfter(apdus);
    }

    @Override
    void reinsert() {
        transport.reinsert();
    }
}
