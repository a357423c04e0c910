package org.regdesk.server.otp.internal;

import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.regdesk.backend.api.PhoneNumber;
import org.regdesk.server.otp.SmsGateway;

/**
 * The SMS provider's HTTP API as the registry's gateway, from {@code etc/org.regdesk.server.otp.http.cfg}.
 * Only there when that file is; its ranking (100 unless set) puts it before the development outbox.
 */
@Component(configurationPid = HttpSmsGatewayComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = "service.ranking:Integer=100")
@Designate(ocd = HttpSmsGatewayComponent.Configuration.class)
public final class HttpSmsGatewayComponent implements SmsGateway {

    public static final String PID = "org.regdesk.server.otp.http";

    @ObjectClassDefinition(name = "RegDesk SMS gateway (HTTP)", description = "An SMS provider's HTTP API")
    public @interface Configuration {

        @AttributeDefinition(description = "URL with {to} and {text}, e.g. https://sms.example/send?key=K&to={to}&msg={text}")
        String url_template();

        @AttributeDefinition(description = "GET or POST")
        String method() default "POST";

        int timeout_seconds() default 10;
    }

    private final HttpSmsGateway gateway;

    @Activate
    public HttpSmsGatewayComponent(Configuration configuration) {
        gateway = new HttpSmsGateway(configuration.url_template().trim(), configuration.method().trim(),
                Duration.ofSeconds(configuration.timeout_seconds()));
    }

    @Override
    public void send(PhoneNumber to, String text) throws SmsException {
        gateway.send(to, text);
    }
}
