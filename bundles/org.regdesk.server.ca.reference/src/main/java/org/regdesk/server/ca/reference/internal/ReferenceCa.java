package org.regdesk.server.ca.reference.internal;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.regdesk.server.ca.CertificateAuthority;
import org.regdesk.server.ca.CertificateRecord;
import org.regdesk.server.ca.CertificateStatus;
import org.regdesk.server.ca.RevocationReason;
import org.regdesk.server.desk.Actor;
import org.regdesk.server.desk.Refusal;
import org.regdesk.server.desk.Refusal.Kind;

/**
 * The reference CA's certificate register behind the {@link CertificateAuthority} SPI. A change is
 * one conditional update (the state it was read in), so two desks acting at once cannot both win,
 * and the CRL and OCSP answers reflect it as soon as it commits.
 */
final class ReferenceCa implements CertificateAuthority {

    private final String id;
    private final IssuedCertificates issued;
    private final IssuanceInbox inbox;
    private final Clock clock;

    ReferenceCa(String id, IssuedCertificates issued, IssuanceInbox inbox, Clock clock) {
        this.id = id;
        this.issued = issued;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<CertificateRecord> certificatesOf(String tckn) {
        inbox.collect();
        return issued.ofHolder(tckn, clock.instant());
    }

    @Override
    public Optional<CertificateRecord> certificate(BigInteger serial) {
        Optional<CertificateRecord> found = issued.find(serial, clock.instant());
        if (found.isEmpty() && inbox.collect() > 0) {
            return issued.find(serial, clock.instant());
        }
        return found;
    }

    @Override
    public CertificateRecord suspend(BigInteger serial, Actor by) throws Refusal {
        CertificateRecord record = existing(serial);
        if (record.status() == CertificateStatus.ON_HOLD) {
            return record;
        }
        requireChangeable(record);
        return change(record, "ON_HOLD", clock.instant(), RevocationReason.CERTIFICATE_HOLD);
    }

    @Override
    public CertificateRecord resume(BigInteger serial, Actor by) throws Refusal {
        CertificateRecord record = existing(serial);
        requireChangeable(record);
        if (record.status() != CertificateStatus.ON_HOLD) {
            throw new Refusal(Kind.CONFLICT, "CERTIFICATE_NOT_ON_HOLD", "Only a suspended certificate can be resumed.");
        }
        return change(record, "VALID", null, null);
    }

    @Override
    public CertificateRecord revoke(BigInteger serial, RevocationReason reason, Actor by) throws Refusal {
        if (reason == null || reason == RevocationReason.CERTIFICATE_HOLD) {
            throw Refusal.invalid("reason", "Give a revocation reason: KEY_COMPROMISE, CESSATION_OF_OPERATION, SUPERSEDED "
                    + "or AFFILIATION_CHANGED.");
        }
        CertificateRecord record = existing(serial);
        requireChangeable(record);
        // From hold, RFC 5280 keeps the original date only for keyCompromise found later; the registry
        // records the moment of the final decision.
        return change(record, "REVOKED", clock.instant(), reason);
    }

    private CertificateRecord existing(BigInteger serial) throws Refusal {
        return certificate(serial).orElseThrow(() -> new Refusal(Kind.NOT_FOUND, "CERTIFICATE_UNKNOWN",
                "This CA has no certificate with that serial number.", Map.of("serial", IssuedCertificates.hex(serial))));
    }

    private static void requireChangeable(CertificateRecord record) throws Refusal {
        if (record.status() == CertificateStatus.REVOKED) {
            throw new Refusal(Kind.CONFLICT, "CERTIFICATE_REVOKED", "This certificate is revoked; revocation is final.");
        }
        if (record.status() == CertificateStatus.EXPIRED) {
            throw new Refusal(Kind.CONFLICT, "CERTIFICATE_EXPIRED", "This certificate has expired; its status can no longer change.");
        }
    }

    private CertificateRecord change(CertificateRecord record, String to, Instant at, RevocationReason reason) throws Refusal {
        if (!issued.change(record.serial(), IssuedCertificates.stored(record), to, at, reason == null ? null : reason.code())) {
            throw new Refusal(Kind.CONFLICT, "CERTIFICATE_CHANGED", "The certificate's status was changed meanwhile; look again.");
        }
        return issued.find(record.serial(), clock.instant()).orElseThrow();
    }
}
