package org.regdesk.backend.api.v1;

import java.time.Instant;

/** The state of a desk session after a step that changes it. */
public record SessionState(String sessionId, String state, Instant at) {
}
