package org.regdesk.server.ca.reference.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.regdesk.server.ca.CertificateAuthority;
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference CA from {@code etc/org.regdesk.server.ca.reference.cfg}. Without a key (neither a
 * PKCS#12 keystore nor a PKCS#11 library) it offers nothing: no {@link CertificateAuthority}, no CRL
 * or OCSP routes, and the certificate operations say the CA is unavailable. With one it registers the
 * CA (ranking 0: a CA's own integration wins with a higher ranking) and its publication routes.
 */
@Component(configurationPid = ReferenceCaComponent.PID, immediate = true, service = {})
@Designate(ocd = ReferenceCaComponent.Configuration.class)
public final class ReferenceCaComponent {

    public static final String PID = "org.regdesk.server.ca.reference";

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceCaComponent.class);

    @ObjectClassDefinition(name = "RegDesk reference certificate authority")
    public @interface Configuration {

        @AttributeDefinition(description = "The CA's short name: CRLs at /crl/<id>.crl, its certificate at /ca/<id>.crt")
        String id() default "regdesk-test-ca";

        @AttributeDefinition(description = "PKCS#12 file with the CA key and certificate")
        String keystore() default "";

        @AttributeDefinition(description = "File holding the PKCS#12 password (0600)")
        String keystore_password_file() default "";

        @AttributeDefinition(description = "PKCS#11 module of the HSM holding the CA key (instead of a keystore)")
        String pkcs11_library() default "";

        @AttributeDefinition(description = "The token's index in the module's slot list")
        int pkcs11_slot_index() default 0;

        @AttributeDefinition(description = "File holding the token's user PIN (0600)")
        String pkcs11_pin_file() default "";

        @AttributeDefinition(description = "Alias (PKCS#11 label) of the CA key; empty = the only key")
        String key_alias() default "";

        @AttributeDefinition(description = "Folder where the personalization bureau drops issued certificates (<card serial>.pem)")
        String issued_directory() default "";

        @AttributeDefinition(description = "Hours from thisUpdate to nextUpdate of each CRL; a new one is made after half of it")
        int crl_validity_hours() default 24;
    }

    private final List<ServiceRegistration<?>> registrations = new java.util.ArrayList<>();

    @Activate
    public ReferenceCaComponent(BundleContext context, Configuration configuration, @Reference Database database)
            throws GeneralSecurityException, IOException {
        Optional<ReferenceCaAssembly> assembly = assemble(configuration, database);
        if (assembly.isEmpty()) {
            LOG.info("Reference CA: no key configured (etc/{}.cfg keystore or pkcs11.library); certificate status "
                    + "operations need a CertificateAuthority", PID);
            return;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("service.ranking", 0);
        properties.put("regdesk.ca", configuration.id());
        registrations.add(context.registerService(CertificateAuthority.class, assembly.get().authority(), properties));
        registrations.add(context.registerService(HttpRoutes.class, assembly.get().routes(), properties));
        LOG.info("Reference CA {} ready: CRL at /crl/{}.crl, OCSP at /ocsp", configuration.id(), configuration.id());
    }

    private static Optional<ReferenceCaAssembly> assemble(Configuration configuration, Database database)
            throws GeneralSecurityException, IOException {
        Optional<Path> issued = optionalPath(configuration.issued_directory());
        Duration crlValidity = Duration.ofHours(configuration.crl_validity_hours());
        if (!configuration.pkcs11_library().isBlank()) {
            return Optional.of(ReferenceCaAssembly.pkcs11(configuration.id(), Path.of(configuration.pkcs11_library()),
                    configuration.pkcs11_slot_index(), Path.of(configuration.pkcs11_pin_file()), configuration.key_alias(), issued,
                    crlValidity, database, Clock.systemUTC()));
        }
        if (!configuration.keystore().isBlank()) {
            return Optional.of(ReferenceCaAssembly.pkcs12(configuration.id(), Path.of(configuration.keystore()),
                    Path.of(configuration.keystore_password_file()), configuration.key_alias(), issued, crlValidity, database,
                    Clock.systemUTC()));
        }
        return Optional.empty();
    }

    private static Optional<Path> optionalPath(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }
}
