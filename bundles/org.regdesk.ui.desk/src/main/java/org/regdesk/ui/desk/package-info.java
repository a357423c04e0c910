/**
 * The desk kit: what every desk operation's UI shares - the session wizard and its dialog, the identity
 * and result pages, the PIN keypad, countdowns and formats, texts for card and backend refusals, and
 * {@link org.regdesk.ui.desk.OffTheUiThread} for every backend and card call.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.regdesk.ui.desk;
