package org.regdesk.eonay;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.regdesk.card.api.CardCertificate;

/**
 * The E-Onay wizard's certificate choice: every certificate on the card, selectable only when it can
 * give a qualified signature for this citizen now (non-repudiation, valid today, the citizen's TCKN in
 * the subject serialNumber); the others are listed with the reason, so nothing is hidden from the desk.
 */
public final class SigningCertificates {

    public enum Unusable {
        NOT_NON_REPUDIATION, EXPIRED, NOT_YET_VALID, OTHER_PERSON
    }

    public record Choice(CardCertificate certificate, Optional<Unusable> unusable) {
        public boolean selectable() {
            return unusable.isEmpty();
        }
    }

    private SigningCertificates() {
    }

    public static List<Choice> of(List<CardCertificate> onCard, String tckn, Instant now) {
        return onCard.stream().map(certificate -> new Choice(certificate, unusable(certificate, tckn, now))).toList();
    }

    private static Optional<Unusable> unusable(CardCertificate certificate, String tckn, Instant now) {
        boolean[] keyUsage = certificate.certificate().getKeyUsage();
        if (keyUsage == null || !keyUsage[1]) {
            return Optional.of(Unusable.NOT_NON_REPUDIATION);
        }
        try {
            certificate.certificate().checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            return Optional.of(Unusable.EXPIRED);
        } catch (CertificateNotYetValidException e) {
            return Optional.of(Unusable.NOT_YET_VALID);
        }
        if (!tckn.equals(subjectSerialNumber(certificate.certificate().getSubjectX500Principal()))) {
            return Optional.of(Unusable.OTHER_PERSON);
        }
        return Optional.empty();
    }

    static String subjectSerialNumber(X500Principal subject) {
        RDN[] serials = X500Name.getInstance(subject.getEncoded()).getRDNs(BCStyle.SERIALNUMBER);
        return serials.length == 1 ? IETFUtils.valueToString(serials[0].getFirst().getValue()) : "";
    }
}
