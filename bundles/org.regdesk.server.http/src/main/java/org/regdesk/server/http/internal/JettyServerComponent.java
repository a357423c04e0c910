package org.regdesk.server.http.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.regdesk.server.http.DeskCertificateCheck;
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.http.RefusalListener;
import org.regdesk.server.http.ServerEndpoint;
import org.regdesk.server.settings.ServerMode;

/**
 * Runs the RegDesk server while its configuration exists (etc/org.regdesk.server.http.cfg, so it never
 * starts on defaults before the file is read). A changed configuration restarts Jetty;
 * the {@link ServerEndpoint} service exists exactly while the server is listening.
 */
@Component(service = {}, immediate = true, configurationPid = ServerConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ServerConfiguration.class)
public final class JettyServerComponent {

    private final BundleContext bundleContext;
    private final RouteDispatcher routes = new RouteDispatcher();
    private RegdeskServer server;
    private ServiceRegistration<ServerEndpoint> endpointRegistration;

    /** Production serves no desk route without a desk check and makes no development certificate. */
    private final ServerMode mode;
    private volatile DeskCertificateCheck deskCheck;

    @Activate
    public JettyServerComponent(BundleContext bundleContext, ServerConfiguration configuration) throws Exception {
        this.bundleContext = bundleContext;
        mode = ServerMode.from(bundleContext.getProperty(ServerMode.PROPERTY));
        routes.deskCheck(deskCheck, !mode.allowsDevelopmentFallbacks());
        start(configuration);
    }

    /** The best-ranked desk check (enrolment, revocation); production serves no desk route without one. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setDeskCheck(DeskCertificateCheck check) {
        deskCheck = check;
        routes.deskCheck(check, !mode.allowsDevelopmentFallbacks());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRefusalListener(RefusalListener listener) {
        routes.addRefusalListener(listener);
    }

    void removeRefusalListener(RefusalListener listener) {
        routes.removeRefusalListener(listener);
    }

    void unsetDeskCheck(DeskCertificateCheck check) {
        if (deskCheck == check) {
            deskCheck = null;
            routes.deskCheck(null, !mode.allowsDevelopmentFallbacks());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRoutes(HttpRoutes contribution) {
        routes.add(contribution);
    }

    void removeRoutes(HttpRoutes contribution) {
        routes.remove(contribution);
    }

    @Modified
    void modified(ServerConfiguration configuration) throws Exception {
        stop();
        start(configuration);
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    private synchronized void start(ServerConfiguration configuration) throws Exception {
        String version = bundleContext.getBundle().getVersion().toString();
        RegdeskServer started = new RegdeskServer(ServerSettings.from(configuration, version,
                mode), Clock.systemUTC(), routes,
                new ReadinessHandler.Readiness(java.util.Arrays.stream(configuration.ready_requires().split(",")).map(String::strip)
                        .filter(name -> !name.isEmpty()).toList(), routes::names));
        URI uri = started.start();
        Optional<Path> certificate = started.developmentCertificate();
        server = started;
        endpointRegistration = bundleContext.registerService(ServerEndpoint.class, new ServerEndpoint() {
            @Override
            public URI baseUri() {
                return uri;
            }

            @Override
            public Optional<Path> developmentCertificate() {
                return certificate;
            }
        }, new Hashtable<>(Map.of("regdesk.server.uri", uri.toString())));
    }

    private synchronized void stop() {
        if (endpointRegistration != null) {
            endpointRegistration.unregister();
            endpointRegistration = null;
        }
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
