/**
 * The card layer's API and driver SPI. Cards are known by serial number, never by reader or slot;
 * PINs travel as {@code char[]} that the caller wipes after use; every failure is a
 * {@link org.regdesk.card.api.CardException} with a {@link org.regdesk.card.api.CardException.Reason}
 * the UI translates.
 */
@Version("1.1.0")
package org.regdesk.card.api;

import org.osgi.annotation.versioning.Version;
