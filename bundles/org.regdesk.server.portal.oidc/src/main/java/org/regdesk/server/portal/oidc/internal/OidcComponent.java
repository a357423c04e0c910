package org.regdesk.server.portal.oidc.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.regdesk.server.portal.IdentityProvider;
import org.regdesk.server.portal.RedirectIdentityProvider;
import org.regdesk.server.settings.SecretFiles;
import org.regdesk.server.settings.ServerMode;
import org.regdesk.server.settings.SettingRefusedException;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;

/**
 * The portal's OpenID Connect provider ({@code identity.provider = oidc}), from {@code etc/org.regdesk.server.portal.oidc.cfg};
 * without that file it is not there. In production the issuer must be https and the client secret a 0600 file.
 */
@Component(service = RedirectIdentityProvider.class, configurationPid = OidcComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = IdentityProvider.NAME + "=" + OidcComponent.NAME)
@Designate(ocd = OidcComponent.Configuration.class)
public final class OidcComponent implements RedirectIdentityProvider {

    public static final String PID = "org.regdesk.server.portal.oidc";
    public static final String NAME = "oidc";

    @ObjectClassDefinition(name = "RegDesk portal: OpenID Connect sign-in")
    public @interface Configuration {

        @AttributeDefinition(description = "The provider's issuer, e.g. https://giris.turkiye.gov.tr (its "
                + "/.well-known/openid-configuration is read)")
        String issuer();

        @AttributeDefinition(description = "This portal's client id at the provider")
        String client_id();

        @AttributeDefinition(description = "A file holding the client secret (owner-only permissions)")
        String client_secret_file();

        @AttributeDefinition(description = "The ID token claim that carries the citizen's TCKN, e.g. tckn or sub")
        String tckn_claim() default "tckn";

        @AttributeDefinition(description = "Scopes asked for, separated by spaces; openid is always among them")
        String scope() default "openid";

        @AttributeDefinition(description = "Clock skew allowed on the ID token's times, in seconds")
        int clock_skew_seconds() default 60;

        @AttributeDefinition(description = "How long to wait for the provider, in milliseconds")
        int timeout_ms() default 5000;

        @AttributeDefinition(description = "The sign-in button's text")
        String display_name() default "e-Devlet Kapısı ile giriş / Sign in with e-Devlet";
    }

    private final OidcIdentityProvider provider;

    @Activate
    public OidcComponent(BundleContext context, Configuration configuration) throws IOException {
        ServerMode mode = ServerMode.from(context.getProperty(ServerMode.PROPERTY));
        provider = new OidcIdentityProvider(settings(configuration, mode), Clock.systemUTC());
    }

    static OidcIdentityProvider.Settings settings(Configuration configuration, ServerMode mode) throws IOException {
        String issuer = required("issuer", configuration.issuer());
        if (!issuer.startsWith("https://")) {
            mode.requireInProduction("issuer", false, "is '" + issuer + "'; production talks to its provider over https only");
        }
        Scope scope = Scope.parse(configuration.scope());
        if (!scope.contains("openid")) {
            scope.add("openid");
        }
        return new OidcIdentityProvider.Settings(new Issuer(issuer), new ClientID(required("client.id", configuration.client_id())),
                new Secret(new String(SecretFiles.read("client.secret.file", Path.of(required("client.secret.file",
                        configuration.client_secret_file()))))), required("tckn.claim", configuration.tckn_claim()), scope,
                Duration.ofSeconds(Math.max(0, configuration.clock_skew_seconds())),
                Duration.ofMillis(Math.max(500, configuration.timeout_ms())), configuration.display_name());
    }

    private static String required(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new SettingRefusedException(setting, "is empty; etc/" + PID + ".cfg needs it");
        }
        return value.strip();
    }

    @Override
    public String displayName() {
        return provider.displayName();
    }

    @Override
    public Started start(URI callback) throws SignInRefused {
        return provider.start(callback);
    }

    @Override
    public org.regdesk.backend.api.Tckn finish(URI callback, java.util.Map<String, String> parameters, String pending)
            throws SignInRefused {
        return provider.finish(callback, parameters, pending);
    }

    @Override
    public java.util.Optional<URI> signOut(URI after) {
        return provider.signOut(after);
    }
}
