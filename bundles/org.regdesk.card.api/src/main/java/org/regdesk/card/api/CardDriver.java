package org.regdesk.card.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A card driver, registered as an OSGi service by its bundle. Drivers come and go at runtime (field
 * updates); the registry asks every driver to {@link #match} a new card and opens it with the best.
 */
@ConsumerType
public interface CardDriver {

    /** The manifest header that marks a driver's bundle; its value is the driver's display name. */
    String MANIFEST_HEADER = "RegDesk-Card-Driver";

    /** Stable identifier, e.g. {@code regdesk.reference.pcsc}. */
    String id();

    String displayName();

    /** How well this driver fits the card: 0 means "not mine", a higher score wins. */
    int match(CardProbe probe);

    /**
     * Opens a session on a card this driver matched.
     *
     * @throws CardException {@link CardException.Reason#UNSUPPORTED} for a transport it cannot use
     */
    CardSession open(CardProbe probe, CardTransport transport) throws CardException;
}
