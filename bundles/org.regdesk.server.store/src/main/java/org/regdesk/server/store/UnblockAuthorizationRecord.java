package org.regdesk.server.store;

import java.time.Instant;
import java.util.Optional;

/** One authorization handed to a desk for one card challenge; {@code outcome} empty until the desk reports. */
public record UnblockAuthorizationRecord(String id, String sessionId, String cardSerial, String kind,
        String challengeSha256, Instant issuedAt, Optional<String> outcome) {
}
