package org.regdesk.server.store;

import java.util.Optional;

/**
 * A PKCS#11 token's SO PIN, sealed by the card key service: the current one and, while a rotation is
 * not yet confirmed by the desk, the next one. Both are kept until then, so no fault loses the PUK.
 */
public record SoPins(String currentSealed, Optional<String> pendingSealed) {
}
