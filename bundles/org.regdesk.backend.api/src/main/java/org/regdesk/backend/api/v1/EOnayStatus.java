package org.regdesk.backend.api.v1;

import java.time.Instant;

/**
 * The citizen's E-Onay now.
 *
 * @param state NONE, GIVEN or WITHDRAWN
 * @param since when the deciding record was made (null for NONE)
 */
public record EOnayStatus(String state, Instant since, Integer textVersion, String recordId) {
}
