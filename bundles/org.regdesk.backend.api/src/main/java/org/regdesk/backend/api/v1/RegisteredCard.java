package org.regdesk.backend.api.v1;

import java.time.Instant;

/** A card the registry issued to the citizen, by serial; {@code profile} is REFERENCE or PKCS11. */
public record RegisteredCard(String serial, String profile, Instant certificateNotAfter) {
}
