package org.regdesk.card.pcsc.internal;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import javax.smartcardio.Card;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;

import org.regdesk.card.api.ApduTransport;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardException.Reason;
import org.regdesk.card.api.CardProbe;

/** APDUs to a card in a PC/SC reader through javax.smartcardio; a pulled card becomes CARD_REMOVED. */
public final class PcscTransport implements ApduTransport {

    /** Longer than any single card operation of a driver, short enough for an operator. */
    private static final Duration RESERVATION_WAIT = Duration.ofSeconds(3);

    private final CardTerminal terminal;
    private final Card card;
    private final CardProbe probe;

    private PcscTransport(CardTerminal terminal, Card card, CardProbe probe) {
        this.terminal = terminal;
        this.card = card;
        this.probe = probe;
    }

    /** Connects to the card in {@code terminal}. */
    public static PcscTransport connect(CardTerminal terminal) throws CardException {
        try {
            Card card = terminal.connect("*");
            CardProbe probe = new CardProbe(PcscReaderProvider.reader(terminal),
                    HexFormat.of().withUpperCase().formatHex(card.getATR().getBytes()), Map.of());
            return new PcscTransport(terminal, card, probe);
        } catch (javax.smartcardio.CardException e) {
            throw translate(e, "Connecting to the card in " + terminal.getName());
        }
    }

    @Override
    public CardProbe probe() {
        return probe;
    }

    @Override
    public byte[] transmit(byte[] command) throws CardException {
        try {
            return card.getBasicChannel().transmit(new CommandAPDU(command)).getBytes();
        } catch (javax.smartcardio.CardException e) {
            throw translate(e, "Talking to the card");
        } catch (IllegalStateException disconnected) {
            throw new CardException(Reason.CARD_REMOVED, "The card is no longer connected", disconnected);
        } catch (IllegalArgumentException noStatusWord) {
            throw brokenAnswer(noStatusWord);
        }
    }

    /**
     * An answer without a status word: what a reader returns when the card leaves in the middle of a
     * command (seen with vsmartcard). Gone from the reader within a second means pulled.
     */
    private CardException brokenAnswer(IllegalArgumentException e) {
        boolean gone;
        try {
            gone = terminal.waitForCardAbsent(1000);
        } catch (javax.smartcardio.CardException readerGone) {
            gone = true;
        }
        return gone ? new CardException(Reason.CARD_REMOVED, "Talking to the card: the card was removed", e)
                : new CardException(Reason.IO, "The card gave an incomplete answer", e);
    }

    /**
     * Reserves the card for this thread. javax.smartcardio hands every connection to a reader in this
     * JVM the same {@link Card} and reserves it per thread, so the desk's background card scan and a
     * wizard can meet here: the one that comes second waits for the other's short operation.
     */
    @Override
    public void beginExclusive() throws CardException {
        long deadline = System.nanoTime() + RESERVATION_WAIT.toNanos();
        while (true) {
            try {
                card.beginExclusive();
                return;
            } catch (javax.smartcardio.CardException e) {
                if (!reservedByAnotherThread(e) || System.nanoTime() > deadline) {
                    throw translate(e, "Reserving the card");
                }
            } catch (IllegalStateException disconnected) {
                throw new CardException(Reason.CARD_REMOVED, "The card is no longer connected", disconnected);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CardException(Reason.IO, "Interrupted while waiting for the card", e);
            }
        }
    }

    private static boolean reservedByAnotherThread(javax.smartcardio.CardException e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith("Exclusive access has already been assigned")
                && !message.endsWith("Thread " + Thread.currentThread().getName());
    }

    @Override
    public void endExclusive() {
        try {
            card.endExclusive();
        } catch (javax.smartcardio.CardException | IllegalStateException gone) {
            // the card left: nothing to release
        }
    }

    @Override
    public void close() {
        try {
            card.disconnect(true);
        } catch (javax.smartcardio.CardException | IllegalStateException gone) {
            // already gone
        }
    }

    /** PC/SC reports a pulled card with several codes; all of them mean the same to an operator. */
    static CardException translate(javax.smartcardio.CardException e, String operation) {
        String message = String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT);
        boolean removed = e instanceof CardNotPresentException || message.contains("REMOVED")
                || message.contains("NO_SMARTCARD") || message.contains("RESET_CARD") || message.contains("NOT_TRANSACTED")
                || message.contains("READER_UNAVAILABLE");
        return removed ? new CardException(Reason.CARD_REMOVED, operation + ": the card was removed", e)
                : new CardException(Reason.IO, operation + " failed: " + e.getMessage(), e);
    }
}
