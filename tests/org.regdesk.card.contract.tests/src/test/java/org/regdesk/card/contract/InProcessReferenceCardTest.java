package org.regdesk.card.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Map;

import org.regdesk.card.api.ApduTransport;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardProbe;
import org.regdesk.card.api.CardReader;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.pcsc.internal.ReferenceCardDriver;
import org.regdesk.card.reference.ReferenceCards;
import org.regdesk.card.reference.TestCardFactory;

import com.licel.jcardsim.smartcardio.CardSimulator;

/** The PC/SC reference driver on a jCardSim card in the same JVM (no pcscd). */
class InProcessReferenceCardTest extends CardDriverContractTest {

    private CardSimulator card;
    private int apdusUntilPulled = -1;
    private boolean pulled;

    /** APDUs straight into the simulator; "pulled" makes every later APDU fail as a real reader would. */
    private final ApduTransport transport = new ApduTransport() {
        @Override
        public CardProbe probe() {
            return new CardProbe(new CardReader("jcardsim:0", "jCardSim"),
                    HexFormat.of().withUpperCase().formatHex(card.getATR()), Map.of());
        }

        @Override
        public byte[] transmit(byte[] command) throws CardException {
            if (apdusUntilPulled == 0) {
                pulled = true;
                apdusUntilPulled = -1;
            }
            if (pulled) {
                throw new CardException(CardException.Reason.CARD_REMOVED, "card pulled");
            }
            if (apdusUntilPulled > 0) {
                apdusUntilPulled--;
            }
            return card.transmitCommand(command);
        }

        @Override
        public void beginExclusive() {
        }

        @Override
        public void endExclusive() {
        }

        @Override
        public void close() {
            card.reset();
        }
    };

    @Override
    TestCardFactory.PersonalizedCard insertNewCard(String serialNumber) throws Exception {
        card = ReferenceCards.newCard();
        TestCardFactory.PersonalizedCard made = factory.personalize(card::transmitCommand, serialNumber, HOLDER);
        card.reset();
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
        apdusUntilPulled = apdus;
    }

    @Override
    void reinsert() {
        pulled = false;
        apdusUntilPulled = -1;
        card.reset();
    }
}
