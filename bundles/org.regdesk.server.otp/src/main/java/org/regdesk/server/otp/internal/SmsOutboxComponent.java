package org.regdesk.server.otp.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.regdesk.backend.api.PhoneNumber;
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.otp.SmsGateway;
import org.regdesk.server.settings.ServerMode;
import org.regdesk.server.settings.SettingRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development gateway, always there at the lowest ranking: with no real gateway configured nothing
 * is sent. With {@code show = true} ({@code etc/org.regdesk.server.otp.outbox.cfg}, demo mode only) the
 * messages are shown at {@code /dev/sms-outbox}; otherwise never, since anyone could read the codes.
 */
@Component(configurationPid = SmsOutboxComponent.PID, property = "service.ranking:Integer=-100")
@Designate(ocd = SmsOutboxComponent.Configuration.class)
public final class SmsOutboxComponent implements SmsGateway {

    public static final String PID = "org.regdesk.server.otp.outbox";

    private static final Logger LOG = LoggerFactory.getLogger(SmsOutboxComponent.class);

    @ObjectClassDefinition(name = "RegDesk SMS outbox (development)")
    public @interface Configuration {

        @AttributeDefinition(description = "Show the kept messages at /dev/sms-outbox (demo only)")
        boolean show() default false;
    }

    private final SmsOutbox outbox = new SmsOutbox();
    private final ServiceRegistration<HttpRoutes> routes;

    @Activate
    public SmsOutboxComponent(BundleContext context, Configuration configuration) {
        if (configuration.show() && !ServerMode.from(context.getProperty(ServerMode.PROPERTY)).allowsDevelopmentFallbacks()) {
            throw new SettingRefusedException("show", "is true in production; /dev/sms-outbox would show every SMS code");
        }
        routes = configuration.show() ? context.registerService(HttpRoutes.class, new SmsOutboxRoutes(outbox), null) : null;
        if (configuration.show()) {
            LOG.warn("Demo mode: SMS codes are shown at /dev/sms-outbox, nothing is sent");
        }
    }

    @Deactivate
    void deactivate() {
        if (routes != null) {
            routes.unregister();
        }
    }

    @Override
    public void send(PhoneNumber to, String text) {
        if (routes == null) {
            LOG.warn("No SMS gateway configured (etc/{}.cfg): the citizen gets no SMS code", HttpSmsGatewayComponent.PID);
        }
        outbox.send(to, text);
    }
}
