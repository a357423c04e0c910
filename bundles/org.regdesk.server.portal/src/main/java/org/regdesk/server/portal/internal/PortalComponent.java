package org.regdesk.server.portal.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.portal.IdentityProvider;
import org.regdesk.server.portal.RedirectIdentityProvider;
import org.regdesk.server.portal.PortalSection;
import org.regdesk.server.registry.CitizenRegistry;
import org.regdesk.server.settings.ServerMode;
import org.regdesk.server.store.Citizens;
import org.regdesk.server.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the portal while the registry runs and the identity provider named in
 * {@code etc/org.regdesk.server.portal.cfg} is there: the development provider (registry passwords, development
 * mode only), a provider service with that {@link IdentityProvider#NAME}, or {@code none} for a node without a
 * portal. Without its provider the portal is not served (and {@code /ready} says so when it requires the portal).
 */
@Component(service = {}, immediate = true, configurationPid = PortalComponent.PID)
@Designate(ocd = PortalComponent.Configuration.class)
public final class PortalComponent {

    public static final String PID = "org.regdesk.server.portal";

    private static final Logger LOG = LoggerFactory.getLogger(PortalComponent.class);

    @ObjectClassDefinition(name = "RegDesk citizen portal")
    public @interface Configuration {

        @AttributeDefinition(description = "The IdentityProvider that signs citizens in, by its regdesk.identity.provider "
                + "property; 'development' (registry passwords, development mode only) or 'none' (no portal on this node)")
        String identity_provider() default DEVELOPMENT;

        @AttributeDefinition(description = "The portal's address as browsers reach it, e.g. https://portal.kamusm.example "
                + "(behind the load balancer); an external identity provider sends citizens back to <public.url>/portal/"
                + "sign-in/callback. Empty: taken from each request's Host header")
        String public_url() default "";
    }

    private static final String DEVELOPMENT = "development";
    private static final String NONE = "none";

    private final BundleContext context;
    private final String providerName;
    /** {@link IdentityProvider}s and {@link RedirectIdentityProvider}s, by their {@link IdentityProvider#NAME}. */
    private final Map<Object, String> providers = new ConcurrentHashMap<>();
    private final PortalPages pages;
    private ServiceRegistration<HttpRoutes> registration;
    private boolean deactivated;

    /** Pages other bundles add; they come and go with their bundles while the portal runs. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    private final List<PortalSection> sections = new CopyOnWriteArrayList<>();

    @Activate
    public PortalComponent(BundleContext context, Configuration configuration, @Reference CitizenRegistry registry,
            @Reference AuditService audit, @Reference Database database) {
        this.context = context;
        providerName = configuration.identity_provider().strip();
        if (providerName.equals(DEVELOPMENT)) {
            ServerMode.from(context.getProperty(ServerMode.PROPERTY)).requireInProduction("identity.provider", false,
                    "is 'development' in production; name the production identity provider or 'none'");
            providers.put(new DevelopmentIdentityProvider(new Citizens(database)), DEVELOPMENT);
        }
        String publicUrl = configuration.public_url().strip();
        pages = providerName.equals(NONE) ? null : new PortalPages(registry, audit, this::provider,
                publicUrl.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(java.net.URI.create(publicUrl)),
                () -> List.copyOf(sections), database, Clock.systemUTC());
        if (pages == null) {
            LOG.info("No citizen portal on this node (identity.provider = none)");
        }
        update();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(IdentityProvider provider, Map<String, Object> properties) {
        arrived(provider, properties);
    }

    void removeProvider(IdentityProvider provider) {
        left(provider);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRedirectProvider(RedirectIdentityProvider provider, Map<String, Object> properties) {
        arrived(provider, properties);
    }

    void removeRedirectProvider(RedirectIdentityProvider provider) {
        left(provider);
    }

    /** A provider of either kind, by its name. */
    private void arrived(Object provider, Map<String, Object> properties) {
        providers.put(provider, String.valueOf(properties.get(IdentityProvider.NAME)));
        update();
    }

    private void left(Object provider) {
        providers.remove(provider);
        update();
    }

    private Object provider() {
        return providers.entrySet().stream().filter(entry -> entry.getValue().equals(providerName)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalStateException("identity provider " + providerName + " is gone"));
    }

    /** Serves the pages exactly while the named provider is there. */
    private synchronized void update() {
        if (pages == null || deactivated) {
            return;
        }
        boolean present = providers.containsValue(providerName);
        if (present && registration == null) {
            registration = context.registerService(HttpRoutes.class, pages, null);
            LOG.info("Citizen portal ready at /portal (identity provider {})", providerName);
        } else if (!present && registration != null) {
            registration.unregister();
            registration = null;
            LOG.warn("Citizen portal withdrawn: identity provider {} is gone", providerName);
        } else if (!present) {
            LOG.info("Citizen portal waits for identity provider {} ({}={})", providerName, IdentityProvider.NAME, providerName);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        deactivated = true;
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }
}
