package org.regdesk.updates.p2.internal;

import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.equinox.p2.core.UIServices;

/**
 * p2's trust prompt, answered without a person: p2 asks the agent's {@link UIServices} before it
 * installs anything unsigned or signed by a certificate the JVM does not trust (without one it would
 * install anything). Trusted are only chains that lead to the desk's driver-signing certificates;
 * unsigned content never is, and nothing is remembered.
 */
final class DeskTrust extends UIServices {

    private final DriverSignatures signatures;

    DeskTrust(DriverSignatures signatures) {
        this.signatures = signatures;
    }

    @Override
    public TrustInfo getTrustInfo(Certificate[][] untrustedChains, String[] unsignedDetail) {
        Set<Certificate> trusted = new LinkedHashSet<>();
        if (untrustedChains != null) {
            for (Certificate[] chain : untrustedChains) {
                if (signatures.chainLeadsToTrusted(Arrays.asList(chain))) {
                    trusted.add(chain[0]);
                }
            }
        }
        return new TrustInfo(trusted.toArray(Certificate[]::new), false, false);
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location) {
        return AUTHENTICATION_PROMPT_CANCELED;
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location, AuthenticationInfo previousInfo) {
        return AUTHENTICATION_PROMPT_CANCELED;
    }
}
