package org.regdesk.card.reference;

import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/** Anything that carries APDUs to a card: jCardSim's simulator, a PC/SC channel, a vpcd bridge. */
@FunctionalInterface
public interface ApduChannel {
    ResponseAPDU transmit(CommandAPDU command) throws CardException;
}
