package org.regdesk.backend.api.v1;

import java.time.Instant;

/**
 * A signed consent or withdrawal from the desk.
 *
 * @param kind CONSENT or WITHDRAWAL
 * @param signature base64 of the DER CMS SignedData (CAdES B-B, text attached)
 * @param readAt when the desk showed the text to the citizen
 */
public record EOnaySubmission(String kind, Integer textVersion, String signature, Instant readAt) {
}
