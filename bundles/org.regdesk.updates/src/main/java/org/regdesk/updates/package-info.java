/**
 * Field updates of card drivers: which driver features the desk has, which versions a configured
 * repository offers, installing one and rolling back to the version before, all while the desk runs.
 * Every failure is an {@link org.regdesk.updates.UpdateException} whose
 * {@link org.regdesk.updates.UpdateException.Problem} carries the Turkish and English text.
 */
@Version("1.0.0")
package org.regdesk.updates;

import org.osgi.annotation.versioning.Version;
