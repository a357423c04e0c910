package org.regdesk.server.certificates.internal;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.regdesk.backend.certificates.CitizenCertificate;
import org.regdesk.backend.certificates.CitizenCertificates;
import org.regdesk.backend.certificates.RevocationRequest;
import org.regdesk.server.ca.CertificateAuthority;
import org.regdesk.server.ca.CertificateRecord;
import org.regdesk.server.ca.RevocationReason;
import org.regdesk.server.desk.Actor;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.desk.DeskSessionService;
import org.regdesk.server.desk.Refusal;
import org.regdesk.server.desk.Refusal.Kind;
import org.regdesk.server.store.DeskSessionRecord;
import org.regdesk.server.store.SessionState;

/**
 * The certificate status steps of a desk session: only after the SMS code is confirmed, only the
 * session citizen's certificates, each change audited with operator, desk, certificate, card and
 * reason (refusals too). A serial of someone else's certificate is "unknown", as if it did not exist.
 */
final class CertificateDesk {

    private final DeskSessionService sessions;
    private final AuditService audit;
    private final Supplier<Optional<CertificateAuthority>> authority;

    CertificateDesk(DeskSessionService sessions, AuditService audit, Supplier<Optional<CertificateAuthority>> authority) {
        this.sessions = sessions;
        this.audit = audit;
        this.authority = authority;
    }

    CitizenCertificates list(Actor actor, String sessionId) throws Refusal {
        DeskSessionRecord session = verifiedSession(actor, sessionId);
        CertificateAuthority ca = ca();
        List<CitizenCertificate> certificates = ca.certificatesOf(session.citizen().value()).stream()
                .map(CertificateDesk::view).toList();
        audit.append(actor, CertificateAudit.CERTIFICATES_LIST, "ACCEPTED",
                Map.of("session", session.id(), "count", String.valueOf(certificates.size())));
        return new CitizenCertificates(ca.id(), certificates);
    }

    CitizenCertificate suspend(Actor actor, String sessionId, String serial) throws Refusal {
        return change(actor, sessionId, serial, CertificateAudit.CERTIFICATE_SUSPEND, RevocationReason.CERTIFICATE_HOLD,
                (ca, record) -> ca.suspend(record.serial(), actor));
    }

    CitizenCertificate resume(Actor actor, String sessionId, String serial) throws Refusal {
        return change(actor, sessionId, serial, CertificateAudit.CERTIFICATE_RESUME, null,
                (ca, record) -> ca.resume(record.serial(), actor));
    }

    CitizenCertificate revoke(Actor actor, String sessionId, String serial, RevocationRequest request) throws Refusal {
        RevocationReason reason = reason(request.reason());
        if (request.confirmSerial() == null || !request.confirmSerial().equalsIgnoreCase(serial)) {
            throw Refusal.invalid("confirmSerial", "Repeat the serial number of the certificate to revoke.");
        }
        return change(actor, sessionId, serial, CertificateAudit.CERTIFICATE_REVOKE, reason,
                (ca, record) -> ca.revoke(record.serial(), reason, actor));
    }

    /**
     * The operator finished with the citizen (Finish, not Cancel): the session ends COMPLETED, so reports
     * and the portal tell it from one the citizen walked away from. Each change was audited when made.
     */
    org.regdesk.backend.api.v1.SessionState finish(Actor actor, String sessionId) throws Refusal {
        DeskSessionRecord session = verifiedSession(actor, sessionId);
        if (!sessions.transition(session, SessionState.COMPLETED, null)) {
            throw new Refusal(Kind.CONFLICT, "SESSION_CLOSED", "This session has already ended.");
        }
        DeskSessionRecord ended = sessions.session(actor, sessionId, CertificateStatusOperation.ID);
        audit.append(actor, CertificateAudit.CERTIFICATES_DONE, "COMPLETED", Map.of("session", session.id()));
        return new org.regdesk.backend.api.v1.SessionState(ended.id(), ended.state().name(),
                ended.endedAt().orElse(ended.startedAt()));
    }

    @FunctionalInterface
    private interface Change {
        CertificateRecord apply(CertificateAuthority ca, CertificateRecord record) throws Refusal;
    }

    private CitizenCertificate change(Actor actor, String sessionId, String serial, CertificateAudit action,
            RevocationReason reason, Change change) throws Refusal {
        DeskSessionRecord session = verifiedSession(actor, sessionId);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("session", session.id());
        details.put("certificate", serial.toUpperCase(Locale.ROOT));
        if (reason != null) {
            details.put("reason", reason.name());
        }
        try {
            CertificateAuthority ca = ca();
            CertificateRecord record = ca.certificate(parseSerial(serial))
                    .filter(found -> session.citizen().value().equals(found.holderTckn()))
                    .orElseThrow(CertificateDesk::unknown);
            if (record.cardSerial() != null) {
                details.put("card", record.cardSerial());
            }
            CertificateRecord changed = change.apply(ca, record);
            audit.append(actor, action, "ACCEPTED", details);
            return view(changed);
        } catch (Refusal refusal) {
            audit.append(actor, action, refusal.code(), details);
            throw refusal;
        }
    }

    private DeskSessionRecord verifiedSession(Actor actor, String sessionId) throws Refusal {
        DeskSessionRecord session = sessions.openSession(actor, sessionId, CertificateStatusOperation.ID);
        if (session.state() != SessionState.OTP_VERIFIED) {
            throw new Refusal(Kind.CONFLICT, "OTP_REQUIRED", "The SMS verification code must be confirmed first.");
        }
        return session;
    }

    private CertificateAuthority ca() throws Refusal {
        return authority.get().orElseThrow(() -> new Refusal(Kind.UNAVAILABLE, "CA_UNAVAILABLE",
                "The certificate authority is not reachable. Please try again later."));
    }

    private static BigInteger parseSerial(String serial) throws Refusal {
        if (!serial.matches("[0-9A-Fa-f]{1,40}")) {
            throw unknown();
        }
        return new BigInteger(serial, 16);
    }

    private static RevocationReason reason(String code) throws Refusal {
        try {
            RevocationReason reason = RevocationReason.valueOf(String.valueOf(code));
            if (reason != RevocationReason.CERTIFICATE_HOLD) {
                return reason;
            }
        } catch (IllegalArgumentException unknownCode) {
            // refused below
        }
        throw Refusal.invalid("reason", "Give a revocation reason: KEY_COMPROMISE, CESSATION_OF_OPERATION, SUPERSEDED "
                + "or AFFILIATION_CHANGED.");
    }

    private static Refusal unknown() {
        return new Refusal(Kind.NOT_FOUND, "CERTIFICATE_UNKNOWN", "This citizen has no certificate with that serial number.");
    }

    static CitizenCertificate view(CertificateRecord record) {
        return new CitizenCertificate(record.serialHex(), record.cardSerial(), record.keyType(), record.notBefore(),
                record.notAfter(), record.status().name(), record.reason().map(Enum::name).orElse(null),
                record.revocationTime().orElse(null));
    }
}
