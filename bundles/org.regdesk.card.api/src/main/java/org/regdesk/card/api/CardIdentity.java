package org.regdesk.card.api;

import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Who and what a card is.
 *
 * @param serialNumber the card's own serial number: the one key by which RegDesk knows a card
 * @param atr          answer-to-reset in upper-case hex, empty for tokens that have none
 * @param label        the card or token label
 * @param holderName   from the signing certificate's subject, when there is one
 * @param nationalId   the holder's TCKN from the certificate's serialNumber attribute
 */
public record CardIdentity(String serialNumber, String atr, String label, Optional<String> holderName,
        Optional<String> nationalId) {

    /**
     * The identity of a card whose holder is named in its signing certificate: the common name and
     * the serialNumber attribute (2.5.4.5), which carries the TCKN on Turkish qualified certificates.
     */
    public static CardIdentity withHolderFrom(X509Certificate certificate, String serialNumber, String atr, String label) {
        Map<String, String> subject = new HashMap<>();
        try {
            String name = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253, Map.of("2.5.4.5", "SERIALNUMBER"));
            for (Rdn rdn : new LdapName(name).getRdns()) {
                subject.put(rdn.getType().toUpperCase(Locale.ROOT), String.valueOf(rdn.getValue()));
            }
        } catch (InvalidNameException unreadable) {
            // an odd subject: the card is still known by its serial number, just without a holder
        }
        return new CardIdentity(serialNumber, atr, label, Optional.ofNullable(subject.get("CN")),
                Optional.ofNullable(subject.get("SERIALNUMBER")));
    }

    public CardIdentity {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(atr, "atr");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(nationalId, "nationalId");
        if (serialNumber.isBlank()) {
            throw new IllegalArgumentException("a card needs a serial number");
        }
    }
}
