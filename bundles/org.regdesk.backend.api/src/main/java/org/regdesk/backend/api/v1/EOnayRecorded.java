package org.regdesk.backend.api.v1;

import java.time.Instant;

/** The registry verified and recorded the signature; {@code state} is the citizen's E-Onay now. */
public record EOnayRecorded(String recordId, String state, Instant signingTime, Instant recordedAt) {
}
