package org.regdesk.card.api;

/** ISO 7816 APDU exchange with one card in one reader (PC/SC and the like). */
public interface ApduTransport extends CardTransport {

    /**
     * Sends one command APDU and returns the whole response including the status word.
     *
     * @throws CardException {@link CardException.Reason#CARD_REMOVED} when the card left the reader
     */
    byte[] transmit(byte[] command) throws CardException;

    /** Keeps other applications off the card until {@link #endExclusive()}: multi-APDU operations. */
    void beginExclusive() throws CardException;

    void endExclusive();
}
