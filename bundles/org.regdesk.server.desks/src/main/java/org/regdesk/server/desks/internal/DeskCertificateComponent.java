package org.regdesk.server.desks.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.regdesk.server.http.ApiException;
import org.regdesk.server.http.DeskCertificateCheck;
import org.regdesk.server.settings.CertificateFiles;
import org.regdesk.server.settings.ServerMode;
import org.regdesk.server.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A desk is its certificate: the dispatcher asks this service which desk a certificate belongs to before any desk
 * route runs ({@link EnrolmentCheck}). Refused: a certificate the desk CA's CRL revokes, one withdrawn with
 * {@code regdesk-server desk revoke}, and in production one nobody enrolled ({@code regdesk-server desk enrol}); a
 * development server still takes an unenrolled certificate's CN (its development desk CA issues them on the fly).
 */
@Component(configurationPid = DeskCertificateComponent.PID)
@Designate(ocd = DeskCertificateComponent.Configuration.class)
public final class DeskCertificateComponent implements DeskCertificateCheck {

    public static final String PID = "org.regdesk.server.desks";

    private static final Logger LOG = LoggerFactory.getLogger(DeskCertificateComponent.class);

    @ObjectClassDefinition(name = "RegDesk desk certificates")
    public @interface Configuration {

        @AttributeDefinition(description = "PEM file with the desk CA certificate(s) (the same as tls.client.ca.path), which sign the CRL")
        String ca_path() default "";

        @AttributeDefinition(description = "The desk CA's CRL (PEM or DER), re-read when the file changes; required in production")
        String crl_path() default "";
    }

    private final DeskCertificateCheck check;

    @Activate
    public DeskCertificateComponent(BundleContext context, Configuration configuration, @Reference Database database)
            throws IOException, GeneralSecurityException {
        ServerMode mode = ServerMode.from(context.getProperty(ServerMode.PROPERTY));
        String crl = configuration.crl_path().strip();
        mode.requireInProduction("crl.path", !crl.isEmpty(), "is empty; production needs the desk CA's CRL, so that a "
                + "revoked desk certificate is refused");
        Optional<DeskRevocationList> revocations = crl.isEmpty() ? Optional.empty()
                : Optional.of(new DeskRevocationList(Path.of(crl), CertificateFiles.read("ca.path", Path.of(configuration.ca_path().strip()))));
        boolean enrolmentRequired = !mode.allowsDevelopmentFallbacks();
        check = new EnrolmentCheck(new EnrolledDesks(database, Clock.systemUTC()), revocations, enrolmentRequired, Clock.systemUTC());
        LOG.info("Desk certificates: {}; {}", enrolmentRequired ? "only enrolled certificates" : "enrolled ones, else the CN (development)",
                revocations.map(list -> "desk CA CRL " + crl + " until " + list.nextUpdate().map(Instant::toString).orElse("?"))
                        .orElse("no desk CA CRL"));
    }

    @Override
    public String deskOf(X509Certificate certificate) throws ApiException {
        return check.deskOf(certificate);
    }
}
