package org.regdesk.server.portal.certificates.internal;

import java.math.BigInteger;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.regdesk.backend.api.Tckn;
import org.regdesk.server.ca.CertificateAuthority;
import org.regdesk.server.ca.CertificateRecord;
import org.regdesk.server.ca.CertificateStatus;
import org.regdesk.server.desk.Actor;
import org.regdesk.server.desk.AuditAction;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.desk.Refusal;
import org.regdesk.server.portal.PortalHtml;
import org.regdesk.server.portal.PortalSection;

/**
 * "Sertifikalarım" on the citizen portal: the citizen's certificates with their status, and "Askıya Al"
 * for a valid one, at once and at any hour (a lost card cannot wait for a desk). Resuming and revoking
 * need the desk, where the citizen's identity is checked again; the page says so.
 */
@Component(service = PortalSection.class)
public final class CertificatesPortalSection implements PortalSection {

    /** The portal acts for the signed-in citizen: no operator, no role, the "desk" is the portal. */
    static final Actor PORTAL = new Actor("citizen", null, "portal");
    /** The desk operation "Sertifika İşlemleri" (its session purpose), which the server's certificates bundle serves. */
    static final String DESK_OPERATION = "CERTIFICATE_STATUS";

    private enum PortalCertificateAudit implements AuditAction {
        PORTAL_CERTIFICATE_SUSPEND
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ZoneId.of("Europe/Istanbul"));

    private final AuditService audit;
    private final Supplier<Optional<CertificateAuthority>> authority;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CertificateAuthority ca;

    @Activate
    public CertificatesPortalSection(@Reference AuditService audit) {
        this.audit = audit;
        this.authority = () -> Optional.ofNullable(ca);
    }

    /** Without OSGi (tests): the CA as the supplier gives it. */
    public CertificatesPortalSection(AuditService audit, Supplier<Optional<CertificateAuthority>> authority) {
        this.audit = audit;
        this.authority = authority;
    }

    @Override
    public String id() {
        return "sertifikalarim";
    }

    @Override
    public String title(boolean english) {
        return english ? "My certificates" : "Sertifikalarım";
    }

    /** Resuming and revoking happen at a desk: the citizen can take the code for it from this page. */
    @Override
    public Optional<String> deskOperation() {
        return Optional.of(DESK_OPERATION);
    }

    @Override
    public String render(Tckn citizen, boolean english, Forms forms) {
        StringBuilder body = new StringBuilder("<p>").append(english
                ? "Your qualified certificates and their status. If you lost your card, suspend its certificate here at once: nobody can sign with it while it is suspended."
                : "Nitelikli sertifikalarınız ve durumları. Kartınızı kaybettiyseniz sertifikasını hemen buradan askıya alın: askıdayken kimse onunla imza atamaz.")
                .append("</p>");
        List<CertificateRecord> certificates;
        try {
            certificates = authority.get().orElseThrow(() -> unavailable()).certificatesOf(citizen.value());
        } catch (Refusal refusal) {
            return body.append("<p class=\"error\" id=\"error\" role=\"alert\">").append(caUnavailable(english)).append("</p>").toString();
        }
        if (certificates.isEmpty()) {
            return body.append("<p id=\"none\">").append(english ? "No certificate is registered in your name."
                    : "Adınıza kayıtlı sertifika yok.").append("</p>").toString();
        }
        body.append("<table id=\"certificates\"><thead><tr><th>").append(english ? "Card" : "Kart").append("</th><th>")
                .append(english ? "Certificate serial" : "Sertifika seri no").append("</th><th>").append(english ? "Key" : "Anahtar")
                .append("</th><th>").append(english ? "Valid" : "Geçerlilik").append("</th><th>").append(english ? "Status" : "Durum")
                .append("</th><th></th></tr></thead><tbody>");
        for (CertificateRecord certificate : certificates) {
            String serial = certificate.serialHex();
            body.append("<tr data-serial=\"").append(serial).append("\"><td>")
                    .append(PortalHtml.escape(Optional.ofNullable(certificate.cardSerial()).orElse(""))).append("</td><td>")
                    .append(serial).append("</td><td>").append(PortalHtml.escape(certificate.keyType())).append("</td><td>")
                    .append(DATE.format(certificate.notBefore())).append(" – ").append(DATE.format(certificate.notAfter()))
                    .append("</td><td class=\"status\" data-status=\"").append(certificate.status().name()).append("\">")
                    .append(status(certificate, english)).append("</td><td>");
            if (certificate.status() == CertificateStatus.VALID) {
                body.append(forms.open("suspend")).append("<input type=\"hidden\" name=\"serial\" value=\"").append(serial)
                        .append("\"><button id=\"suspend-").append(serial).append("\" type=\"submit\">")
                        .append(english ? "Suspend" : "Askıya Al").append("</button></form>");
            }
            body.append("</td></tr>");
        }
        return body.append("</tbody></table><p class=\"hint\" id=\"desk-needed\">").append(english
                ? "To resume a suspended certificate (your card turned up) or to revoke one for good, come to a registry desk with your ID; the code below saves the identity check."
                : "Askıdaki sertifikayı askıdan indirmek (kartınızı bulduysanız) ya da kalıcı olarak iptal etmek için kimliğinizle bir kayıt masasına gelin; aşağıdaki kod kimlik kontrolünün yerini tutar.")
                .append("</p>").toString();
    }

    @Override
    public Outcome act(Tckn citizen, String action, Map<String, String> form, boolean english) {
        if (!"suspend".equals(action)) {
            return new Outcome(false, english ? "Unknown action." : "Bilinmeyen işlem.");
        }
        String serial = form.getOrDefault("serial", "");
        Map<String, String> details = Map.of("citizen", citizen.masked(), "certificate", serial.length() <= 40 ? serial : "(too long)");
        try {
            CertificateAuthority ca = authority.get().orElseThrow(() -> unavailable());
            Optional<CertificateRecord> own = serial.matches("[0-9A-Fa-f]{1,40}")
                    ? ca.certificatesOf(citizen.value()).stream().filter(c -> c.serial().equals(new BigInteger(serial, 16))).findFirst()
                    : Optional.empty();
            if (own.isEmpty()) {
                audit.append("citizen", "portal", PortalCertificateAudit.PORTAL_CERTIFICATE_SUSPEND, "CERTIFICATE_UNKNOWN", details);
                return new Outcome(false, english ? "You have no certificate with that serial number." : "Bu seri numaralı bir sertifikanız yok.");
            }
            if (own.get().status() != CertificateStatus.VALID) {
                audit.append("citizen", "portal", PortalCertificateAudit.PORTAL_CERTIFICATE_SUSPEND, "NOT_VALID", details);
                return new Outcome(false, english ? "Only a valid certificate can be suspended." : "Yalnızca geçerli bir sertifika askıya alınabilir.");
            }
            ca.suspend(own.get().serial(), PORTAL);
            audit.append("citizen", "portal", PortalCertificateAudit.PORTAL_CERTIFICATE_SUSPEND, "ACCEPTED",
                    Map.of("citizen", citizen.masked(), "certificate", own.get().serialHex(), "card",
                            Optional.ofNullable(own.get().cardSerial()).orElse("")));
            return new Outcome(true, english
                    ? "Certificate " + own.get().serialHex() + " is suspended. If you find your card, a registry desk can resume it."
                    : own.get().serialHex() + " seri numaralı sertifikanız askıya alındı. Kartınızı bulursanız kayıt masasında askıdan indirilir.");
        } catch (Refusal refusal) {
            audit.append("citizen", "portal", PortalCertificateAudit.PORTAL_CERTIFICATE_SUSPEND, refusal.code(), details);
            return new Outcome(false, "CA_UNAVAILABLE".equals(refusal.code()) ? caUnavailable(english)
                    : english ? "The certificate could not be suspended (" + refusal.code() + "). Please call the call centre."
                            : "Sertifika askıya alınamadı (" + refusal.code() + "). Lütfen çağrı merkezini arayın.");
        }
    }

    private static Refusal unavailable() {
        return new Refusal(Refusal.Kind.UNAVAILABLE, "CA_UNAVAILABLE", "The certificate authority cannot be reached.");
    }

    private static String caUnavailable(boolean english) {
        return english ? "The certificate authority cannot be reached just now. Please try again in a few minutes or call the call centre."
                : "Sertifika makamına şu anda ulaşılamıyor. Lütfen birkaç dakika sonra yeniden deneyin ya da çağrı merkezini arayın.";
    }

    private static String status(CertificateRecord certificate, boolean english) {
        String since = certificate.revocationTime().map(DATE::format).orElse("");
        return switch (certificate.status()) {
            case VALID -> english ? "Valid" : "Geçerli";
            case ON_HOLD -> (english ? "Suspended since " : "Askıda, ") + since + (english ? "" : " tarihinden beri");
            case REVOKED -> (english ? "Revoked on " : "İptal edildi, ") + since;
            case EXPIRED -> english ? "Expired" : "Süresi dolmuş";
        };
    }
}
