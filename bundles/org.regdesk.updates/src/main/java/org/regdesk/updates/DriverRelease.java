package org.regdesk.updates;

import java.util.Objects;

/**
 * One version of a driver feature.
 *
 * @param featureId the p2 feature group, e.g. {@code org.regdesk.card.pcsc.feature.feature.group}
 * @param name      what the operator reads
 * @param version   the OSGi version
 */
public record DriverRelease(String featureId, String name, String version) {

    public DriverRelease {
        Objects.requireNonNull(featureId, "featureId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }
}
