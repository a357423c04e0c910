package org.regdesk.updates;

import java.util.Objects;
import java.util.Optional;

/**
 * A driver feature as installed now.
 *
 * @param previousVersion the version installed before this one, which {@link DriverUpdates#rollBack}
 *                        returns to; empty when the driver came with the desk
 */
public record InstalledDriver(DriverRelease release, Optional<String> previousVersion) {

    public InstalledDriver {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(previousVersion, "previousVersion");
    }
}
