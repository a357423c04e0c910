package org.regdesk.server.store;

import java.time.Instant;
import java.util.Optional;

import org.regdesk.backend.api.Tckn;

/**
 * A card the CA issued. {@code profile} REFERENCE (challenge-response unblock) or PKCS11 (SO PIN);
 * {@code certificateNotAfter} is the latest end of validity of its certificates.
 */
public record CardRecord(String serial, Tckn holder, String profile, String keyReference,
        Optional<Instant> certificateNotAfter) {

    public static final String REFERENCE = "REFERENCE";
    public static final String PKCS11 = "PKCS11";
}
