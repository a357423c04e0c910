package org.regdesk.server.portal.internal;

import java.time.Clock;
import java.util.List;
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
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.portal.IdentityProvider;
import org.regdesk.server.portal.PortalSection;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.registry.CitizenRegistry;
import org.regdesk.server.store.Citizens;
import org.regdesk.server.store.Database;
import org.slf4j.LoggerFactory;

/**
 * Serves the portal while the registry runs. The best-ranked {@link IdentityProvider} service signs
 * citizens in; without one, the development provider (registry passwords) does.
 */
@Component(service = {}, immediate = true)
public final class PortalComponent {

    private final ServiceRegistration<HttpRoutes> registration;
    private final IdentityProvider development;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IdentityProvider provided;

    /** Pages other bundles add; they come and go with their bundles while the portal runs. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    private final List<PortalSection> sections = new CopyOnWriteArrayList<>();

    @Activate
    public PortalComponent(BundleContext context, @Reference CitizenRegistry registry, @Reference AuditService audit,
            @Reference Database database) {
        development = new DevelopmentIdentityProvider(new Citizens(database));
        registration = context.registerService(HttpRoutes.class, new PortalPages(registry, audit, () -> {
            IdentityProvider current = provided;
            return current != null ? current : development;
        }, () -> List.copyOf(sections), database, Clock.systemUTC()), null);
        LoggerFactory.getLogger(PortalComponent.class).info("Citizen portal ready at /portal");
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
