package org.regdesk.server.registry.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.regdesk.server.eonay.TrustFiles;
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.keys.CardKeyService;
import org.regdesk.server.keys.KeystoreCardKeyService;
import org.regdesk.server.otp.internal.HttpSmsGateway;
import org.regdesk.server.otp.internal.SmsGateway;
import org.regdesk.server.otp.internal.SmsOutbox;
import org.regdesk.server.otp.internal.SmsText;
import org.regdesk.server.registry.EOnayDesk;
import org.regdesk.server.registry.Registry;
import org.regdesk.server.registry.RegistryRoutes;
import org.regdesk.server.registry.SmsOutboxRoutes;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.DatabaseSettings;
import org.regdesk.server.store.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database, the card key service and the SMS gateway from
 * {@code etc/org.regdesk.server.registry.cfg}, and offers the {@link Registry} and its API routes as
 * services while they work. A changed file re-creates everything (DS re-activation).
 */
@Component(service = {}, immediate = true, configurationPid = RegistryConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RegistryConfiguration.class)
public final class RegistryComponent {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryComponent.class);

    private final Database database;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public RegistryComponent(BundleContext context, RegistryConfiguration configuration) throws Exception {
        Path data = Path.of(configuration.data_directory().trim()).toAbsolutePath();
        String url = configuration.database_url().trim();
        DatabaseSettings settings = url.isEmpty() ? DatabaseSettings.embedded(data)
                : new DatabaseSettings(url, configuration.database_user(), configuration.database_password().toCharArray(),
                        configuration.database_max_connections());
        database = Database.open(settings);
        try {
            if (configuration.demo_data() && DemoData.load(database)) {
                LOG.info("Loaded the demo registry (desks DESK-001/002, operators, citizens); see README.md for the passwords");
            }
            SmsGateway sms = smsGateway(configuration);
            Registry registry = new Registry(database, cardKeys(configuration, data), sms,
                    new SmsText(configuration.sms_sender().strip(), configuration.sms_text().strip()), codeHashKey(data),
                    Clock.systemUTC(), new SecureRandom());
            // the desk API first: whoever sees the Registry service can rely on its routes being served
            EOnayDesk eOnay = new EOnayDesk(registry, database, eOnayTrust(configuration), Clock.systemUTC());
            registrations.add(context.registerService(HttpRoutes.class, new RegistryRoutes(registry, eOnay), null));
            registrations.add(context.registerService(EOnayDesk.class, eOnay, null));
            registrations.add(context.registerService(Database.class, database, null));
            registrations.add(context.registerService(Registry.class, registry, null));
            if (sms instanceof SmsOutbox outbox && configuration.demo_data()) {
                LOG.warn("Demo mode: SMS codes are shown at /dev/sms-outbox, nothing is sent");
                registrations.add(context.registerService(HttpRoutes.class, new SmsOutboxRoutes(outbox), null));
            } else if (sms instanceof SmsOutbox) {
                // outside demo mode the outbox is never shown: anyone could read the codes
                LOG.warn("No SMS gateway configured (sms.gateway=outbox): citizens get no SMS codes. Set sms.gateway=http");
            }
            LOG.info("Registry ready on {}", settings.postgresql() ? "PostgreSQL" : "embedded H2 in " + data.resolve("db"));
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        database.close();
    }

    private static SmsGateway smsGateway(RegistryConfiguration configuration) {
        return switch (configuration.sms_gateway().trim()) {
            case "outbox" -> new SmsOutbox();
            case "http" -> new HttpSmsGateway(configuration.sms_url_template().trim(), configuration.sms_method().trim(),
                    Duration.ofSeconds(10));
            default -> throw new IllegalArgumentException("sms.gateway must be 'outbox' or 'http' in "
                    + "etc/org.regdesk.server.registry.cfg, was '" + configuration.sms_gateway() + "'");
        };
    }

    /** The configured keystore, or a development master key made once in {@code <data>/keys}. */
    private static CardKeyService cardKeys(RegistryConfiguration configuration, Path data)
            throws GeneralSecurityException, IOException {
        String path = configuration.card_master_keystore_path().trim();
        if (!path.isEmpty()) {
            return KeystoreCardKeyService.open(Path.of(path), configuration.card_master_keystore_password().toCharArray(),
                    configuration.card_master_keystore_alias());
        }
        Path keystore = data.resolve("keys").resolve("card-master.p12");
        Path passwordFile = data.resolve("keys").resolve("card-master.password");
        if (!Files.exists(keystore)) {
            SecureRandom random = new SecureRandom();
            byte[] master = new byte[16];
            random.nextBytes(master);
            byte[] passwordBytes = new byte[18];
            random.nextBytes(passwordBytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(passwordBytes);
            writePrivate(passwordFile, password);
            KeystoreCardKeyService.writeKeystore(keystore, password.toCharArray(), configuration.card_master_keystore_alias(), master);
            LOG.warn("Created a random development card master key {}: cards personalized elsewhere will not unblock", keystore);
        }
        return KeystoreCardKeyService.open(keystore, Files.readString(passwordFile).trim().toCharArray(),
                configuration.card_master_keystore_alias());
    }

    /** The CA roots E-Onay signatures must chain to, and their CRLs (comma-separated files). */
    private static TrustFiles eOnayTrust(RegistryConfiguration configuration) {
        TrustFiles trust = new TrustFiles(paths(configuration.eonay_trust_anchors()), paths(configuration.eonay_crls()));
        if (!trust.configured()) {
            LOG.warn("No eonay.trust.anchors configured: E-Onay signatures are refused (EONAY_NOT_CONFIGURED)");
        }
        return trust;
    }

    private static List<Path> paths(String commaSeparated) {
        return java.util.Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(path -> !path.isEmpty())
                .map(Path::of).toList();
    }

    /** The HMAC key for verification codes: 256 random bits made once; losing it only voids open codes. */
    private static byte[] codeHashKey(Path data) throws IOException {
        Path file = data.resolve("keys").resolve("code-hash.key");
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            writePrivate(file, Base64.getEncoder().encodeToString(key));
        }
        return Base64.getDecoder().decode(Files.readString(file).trim());
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, content);
    }
}
