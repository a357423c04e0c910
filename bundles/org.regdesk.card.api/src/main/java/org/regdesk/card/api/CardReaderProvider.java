package org.regdesk.card.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of readers (PC/SC, PKCS#11 slots), registered as an OSGi service by a transport bundle.
 * The registry scans every provider, connects to newly inserted cards and hands them to the best
 * driver.
 */
@ConsumerType
public interface CardReaderProvider {

    /** The readers attached now and whether each holds a card. Must recover by itself when the
     *  underlying service (pcscd) restarts. */
    List<ReaderState> scan() throws CardException;

    /** Connects to the card in {@code reader}. */
    CardTransport connect(CardReader reader) throws CardException;

    /** A reader and whether a card is in it. */
    record ReaderState(CardReader reader, boolean cardPresent) {
    }
}
