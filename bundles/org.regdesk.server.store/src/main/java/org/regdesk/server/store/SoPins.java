package org.regdesk.server.store;

import java.util.Optional;

/**
 * A PKCS#11 token's SO PIN, sealed by the card key service: the current one and, while a rotation is
 * not yet confirmed by the desk, the next one. Both are kept until then, so no fault loses the PUK.
 * {@code pendingHandedOutBefore}: the next one was given to a desk earlier, so the token may have it.
 */
public record SoPins(String currentSealed, Optional<String> pendingSealed, boolean pendingHandedOutBefore) {

    public SoPins(String currentSealed, Optional<String> pendingSealed) {
        this(currentSealed, pendingSealed, false);
    }
}
