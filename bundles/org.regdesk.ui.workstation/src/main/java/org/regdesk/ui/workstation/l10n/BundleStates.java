package org.regdesk.ui.workstation.l10n;

import org.osgi.framework.Bundle;

/** OSGi bundle states in the operator's language. */
public final class BundleStates {

    private BundleStates() {
    }

    public static String describe(int state, Messages messages) {
        return switch (state) {
        case Bundle.ACTIVE -> messages.bundleState_active;
        case Bundle.RESOLVED -> messages.bundleState_resolved;
        case Bundle.STARTING -> messages.bundleState_starting;
        case Bundle.STOPPING -> messages.bundleState_stopping;
        default -> messages.bundleState_installed;
        };
    }
}
