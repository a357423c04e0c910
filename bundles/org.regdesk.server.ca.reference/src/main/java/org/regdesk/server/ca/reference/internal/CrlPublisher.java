package org.regdesk.server.ca.reference.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * The CA's full CRL (RFC 5280 5.2: CRL number, authority key identifier), made again when a status
 * changed since the last one, or when half its validity has passed, so relying parties that cache it
 * until nextUpdate never hold one that is stale or about to be. Serves the same bytes between changes.
 */
final class CrlPublisher {

    /** A published CRL: its DER, the revision it reflects and when it was made. */
    record Published(byte[] der, long revision, Instant thisUpdate, Instant nextUpdate, long crlNumber) {
    }

    private final IssuedCertificates issued;
    private final CaKey ca;
    private final Duration validity;
    private final Clock clock;
    private volatile Published current;

    CrlPublisher(IssuedCertificates issued, CaKey ca, Duration validity, Clock clock) {
        this.issued = issued;
        this.ca = ca;
        this.validity = validity;
        this.clock = clock;
    }

    Published current() throws GeneralSecurityException {
        Instant now = clock.instant();
        Published last = current;
        if (fresh(last, now)) {
            return last;
        }
        synchronized (this) {
            // another request may have made it while this one waited
            if (!fresh(current, now)) {
                current = make(now);
            }
            return current;
        }
    }

    /** No status changed since it was made, and less than half its validity has passed. */
    private boolean fresh(Published crl, Instant now) {
        return crl != null && now.isBefore(crl.thisUpdate().plus(validity.dividedBy(2))) && crl.revision() == issued.revision();
    }

    private Published make(Instant now) throws GeneralSecurityException {
        IssuedCertificates.CrlContent content = issued.nextCrl(now);
        Instant nextUpdate = now.plus(validity);
        X509v2CRLBuilder builder = new X509v2CRLBuilder(ca.holder().getSubject(), Date.from(now));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (IssuedCertificates.Revoked entry : content.entries()) {
            builder.addCRLEntry(entry.serial(), Date.from(entry.at()), entry.reason());
        }
        try {
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(content.crlNumber())));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            byte[] der = builder.build(ca.signer()).getEncoded();
            return new Published(der, content.revision(), now, nextUpdate, content.crlNumber());
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot encode the CRL", e);
        }
    }
}
