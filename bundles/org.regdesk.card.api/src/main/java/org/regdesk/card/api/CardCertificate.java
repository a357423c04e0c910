package org.regdesk.card.api;

import java.security.cert.X509Certificate;
import java.util.Objects;

/** A certificate on the card and the key that signs with it ({@link CardSession#sign}). */
public record CardCertificate(String keyId, X509Certificate certificate) {
    public CardCertificate {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(certificate, "certificate");
    }
}
