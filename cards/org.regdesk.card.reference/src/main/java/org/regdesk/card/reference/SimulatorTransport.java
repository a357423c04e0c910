package org.regdesk.card.reference;

import java.util.HexFormat;
import java.util.Map;

import org.regdesk.card.api.ApduTransport;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardProbe;
import org.regdesk.card.api.CardReader;

import com.licel.jcardsim.smartcardio.CardSimulator;

/**
 * APDUs straight into a jCardSim card in this JVM. {@link #pullAfter} makes the card leave "the
 * reader" after a number of APDUs, so every later APDU fails as with a real reader.
 */
public final class SimulatorTransport implements ApduTransport {

    private final CardSimulator card;
    private int apdusUntilPulled = -1;
    private boolean pulled;

    public SimulatorTransport(CardSimulator card) {
        this.card = card;
    }

    public void pullAfter(int apdus) {
        apdusUntilPulled = apdus;
    }

    /** Puts the card back: a power cycle, as for a real card. */
    public void reinsert() {
        pulled = false;
        apdusUntilPulled = -1;
        card.reset();
    }

    @Override
    public CardProbe probe() {
        return new CardProbe(new CardReader("jcardsim:0", "jCardSim"), HexFormat.of().withUpperCase().formatHex(card.getATR()),
                Map.of());
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
}
