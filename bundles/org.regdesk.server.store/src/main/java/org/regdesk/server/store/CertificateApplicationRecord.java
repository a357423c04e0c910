package org.regdesk.server.store;

import java.time.Instant;
import java.util.Optional;

import org.regdesk.backend.api.Tckn;

/**
 * A certificate application resting on the citizen's E-Onay instead of a wet-signed form. A RENEWAL
 * becomes ready for production at {@code readyAt}: two months before the current certificate expires.
 */
public record CertificateApplicationRecord(String id, Tckn citizen, String kind, String eOnayRecord,
        Optional<String> currentCard, Optional<Instant> currentNotAfter, Instant readyAt, Instant createdAt, String deskId,
        String operator) {
}
