package org.regdesk.card.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The cards at this desk, for the UI and the wizards. Every change (reader added or removed, card
 * inserted or removed, driver arrived or left) is posted on {@link #TOPIC_CHANGED} with the new
 * list of {@link CardView}s under the event property {@link #EVENT_DATA}.
 */
@ProviderType
public interface CardService {

    String TOPIC_CHANGED = "org/regdesk/card/changed";

    /** The event property e4's {@code IEventBroker} uses for the payload. */
    String EVENT_DATA = "org.eclipse.e4.data";

    /** Every reader, in a stable order, with its card. */
    List<CardView> readers();

    /** Opens a session on the card with this serial number, wherever it is. */
    CardSession open(String serialNumber) throws CardException;

    /**
     * Runs {@code work} while no card is in use, for driver updates: first waits up to {@code wait}
     * for the open sessions to close, holding off new ones (they fail with
     * {@link CardException.Reason#BUSY}) until {@code work} has returned.
     *
     * @throws CardException {@code BUSY} when a session is still open after {@code wait}; {@code work}
     *                       did not run
     */
    <T> T whileCardsIdle(Duration wait, Callable<T> work) throws Exception;
}
