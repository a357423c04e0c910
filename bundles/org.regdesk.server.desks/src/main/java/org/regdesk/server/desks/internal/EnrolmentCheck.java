package org.regdesk.server.desks.internal;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.regdesk.server.http.ApiException;
import org.regdesk.server.http.DeskCertificateCheck;
import org.regdesk.server.http.DeskCertificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision for one desk certificate: the desk CA's CRL first (fail closed when it is out of date), then the
 * enrolment by fingerprint. Without an enrolment only a development server falls back to the CN.
 */
public final class EnrolmentCheck implements DeskCertificateCheck {

    /** How long a found enrolment is reused: a withdrawal reaches every node within this (a new enrolment at once). */
    public static final Duration REMEMBERED = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentCheck.class);

    private record Remembered(Optional<EnrolledDesks.Enrolment> enrolment, Instant at) {
    }

    private final EnrolledDesks desks;
    private final Optional<DeskRevocationList> revocations;
    private final boolean enrolmentRequired;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    public EnrolmentCheck(EnrolledDesks desks, Optional<DeskRevocationList> revocations, boolean enrolmentRequired, Clock clock) {
        this.desks = desks;
        this.revocations = revocations;
        this.enrolmentRequired = enrolmentRequired;
        this.clock = clock;
    }

    @Override
    public String deskOf(X509Certificate certificate) throws ApiException {
        Instant now = clock.instant();
        if (revocations.isPresent()) {
            Optional<DeskRevocationList.Refusal> refusal = revocations.get().check(certificate, now);
            if (refusal.isPresent()) {
                if (refusal.get().outdated()) {
                    LOG.error("Desk requests refused: {}", refusal.get().message());
                    throw new ApiException(503, refusal.get().code(), "Masa sertifikaları şu anda doğrulanamıyor (iptal listesi "
                            + "güncel değil); sistem yöneticisine bildirin. / Desk certificates cannot be checked now.");
                }
                throw new ApiException(403, refusal.get().code(), refusal.get().message());
            }
        }
        String fingerprint = DeskCertificates.fingerprint(certificate);
        Remembered known = remembered.get(fingerprint);
        if (known == null || known.at().plus(REMEMBERED).isBefore(now)) {
            known = new Remembered(desks.find(fingerprint), now);
            if (known.enrolment().isPresent()) {
                remembered.put(fingerprint, known);
            }
        }
        if (known.enrolment().isPresent()) {
            if (known.enrolment().get().revokedAt().isPresent()) {
                throw new ApiException(403, "DESK_CERTIFICATE_REVOKED", "This desk certificate has been withdrawn.");
            }
            return known.enrolment().get().deskId();
        }
        if (enrolmentRequired) {
            throw new ApiException(403, "DESK_NOT_ENROLLED", "This desk certificate is not enrolled (regdesk-server desk enrol).",
                    Map.of("fingerprint", fingerprint));
        }
        return DeskCertificates.commonName(certificate)
                .orElseThrow(() -> new ApiException(403, "UNKNOWN_DESK", "This desk certificate names no desk."));
    }
}
