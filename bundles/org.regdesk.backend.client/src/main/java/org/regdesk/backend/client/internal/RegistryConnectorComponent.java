package org.regdesk.backend.client.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.regdesk.backend.api.RegistryConnector;
import org.regdesk.backend.api.desk.DeskApi;
import org.regdesk.backend.api.applications.ApplicationsConnector;
import org.regdesk.backend.api.eonay.EOnayConnector;
import org.regdesk.backend.api.session.DeskSessions;
import org.regdesk.backend.api.unblock.UnblockConnector;

/**
 * Offers RegDesk's own {@link RegistryConnector} when this desk has a certificate configured
 * ({@code desk.keystore} in etc/org.regdesk.backend.client.cfg), under the whole interface and under each
 * role (desk sessions, unblock, E-Onay, applications) that desk operations ask for. A CA's own connector
 * bundle registers one role or all of them with a higher ranking instead.
 */
@Component(service = { RegistryConnector.class, DeskSessions.class, UnblockConnector.class, EOnayConnector.class,
        ApplicationsConnector.class, DeskApi.class }, configurationPid = BackendConnectionConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class RegistryConnectorComponent extends HttpRegistryConnector {

    @Activate
    public RegistryConnectorComponent(BackendConnectionConfiguration configuration) throws Exception {
        super(URI.create(configuration.url().trim()), deskTls(configuration),
                Duration.ofSeconds(Math.max(1, configuration.timeout_seconds())));
    }

    private static SSLContext deskTls(BackendConnectionConfiguration configuration) throws Exception {
        String keystore = configuration.desk_keystore().trim();
        String pin = configuration.trusted_certificate().trim();
        if (keystore.isEmpty() || pin.isEmpty()) {
            throw new IllegalStateException("This desk has no certificate: set desk.keystore, desk.keystore.password.file "
                    + "and trusted.certificate in etc/" + BackendConnectionConfiguration.PID + ".cfg");
        }
        return PinnedTrust.sslContext(Path.of(pin), Path.of(keystore), Path.of(configuration.desk_keystore_password_file().trim()));
    }
}
