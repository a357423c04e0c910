package org.regdesk.card.api;

/**
 * How a driver reaches a card. Each transport (PC/SC, PKCS#11) offers its own sub-interface; a
 * driver opens only the kinds it understands.
 */
public interface CardTransport extends AutoCloseable {

    /** What the transport saw of the card when it connected (reader, ATR, token info). */
    CardProbe probe();

    /** Releases the card; a card that is reset this way forgets a verified PIN. */
    @Override
    void close();
}
