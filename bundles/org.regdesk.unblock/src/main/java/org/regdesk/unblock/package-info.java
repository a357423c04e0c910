/**
 * PIN creation and unblock at the desk, without UI: the PIN policy the keypad enforces and the flow
 * that takes a verified desk session through the card challenge, the backend's authorization, the card
 * write and the report. The wizard (issue #5) drives it; tests and the benchmark drive it directly.
 */
@Version("1.0.0")
package org.regdesk.unblock;

import org.osgi.annotation.versioning.Version;
