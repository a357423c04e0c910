package org.regdesk.backend.tests;

import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.UnblockAuthorization;
import org.regdesk.card.pcsc.internal.ReferenceCardDriver;
import org.regdesk.card.reference.AdminKeys;
import org.regdesk.card.reference.ReferenceCards;
import org.regdesk.card.reference.SimulatorTransport;
import org.regdesk.card.reference.TestCardFactory;

import com.licel.jcardsim.smartcardio.CardSimulator;

/**
 * A reference card applet on jCardSim, personalized by a test CA for a holder, its first PIN set with
 * the card's own admin key, and opened through the PC/SC reference driver: a citizen's working card
 * for the E-Onay tests.
 */
final class ReferenceCardWithPin {

    private ReferenceCardWithPin() {
    }

    static CardSession create(TestCardFactory factory, String serial, TestCardFactory.Holder holder, String pin)
            throws Exception {
        CardSimulator simulator = ReferenceCards.newCard();
        TestCardFactory.PersonalizedCard personalized = factory.personalize(simulator::transmitCommand, serial, holder);
        simulator.reset();
        SimulatorTransport transport = new SimulatorTransport(simulator);
        CardSession card = new ReferenceCardDriver().open(transport.probe(), transport);
        setPin(card, personalized.adminKey(), pin);
        return card;
    }

    private static void setPin(CardSession card, byte[] adminKey, String pin) throws Exception {
        try {
            card.unblock(new UnblockAuthorization.Cryptogram(AdminKeys.unblockCryptogram(adminKey, card.unblockChallenge().challenge())),
                    pin.toCharArray());
        } catch (CardException e) {
            card.close();
            throw e;
        }
    }
}
