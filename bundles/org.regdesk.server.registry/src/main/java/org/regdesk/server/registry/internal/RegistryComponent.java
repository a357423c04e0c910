package org.regdesk.server.registry.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.regdesk.backend.api.PhoneNumber;
import org.regdesk.server.audit.internal.AuditSeal;
import org.regdesk.server.codes.internal.VerificationCodes;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.desk.DeskOperation;
import org.regdesk.server.desk.DeskSessionService;
import org.regdesk.server.desk.OperatorSessions;
import org.regdesk.server.desk.http.DeskRoutes;
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.http.RefusalListener;
import org.regdesk.server.keys.PrivateFiles;
import org.regdesk.server.otp.SmsGateway;
import org.regdesk.server.otp.internal.SmsOneTimeCodes;
import org.regdesk.server.otp.internal.SmsText;
import org.regdesk.server.registry.CitizenRegistry;
import org.regdesk.server.settings.SecretFiles;
import org.regdesk.server.settings.SettingRefusedException;
import org.regdesk.server.settings.ServerMode;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.JdbcAttemptWindows;
import org.regdesk.server.store.JdbcCodeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry core on the {@link Database} and the best-ranked {@link SmsGateway} services: offers the
 * audit trail, operator sessions, desk sessions and the portal's view as services, and the core desk
 * routes. Desk operations come and go as {@link DeskOperation} services; sessions open only for those
 * registered now. A gateway that appears later (a provider's bundle) takes over without a restart, so
 * SMS codes already sent stay valid.
 */
@Component(service = {}, immediate = true, configurationPid = RegistryConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RegistryConfiguration.class)
public final class RegistryComponent implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryComponent.class);

    private final Map<String, DeskOperation> operations = new ConcurrentHashMap<>();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final AuditCheckpointPublisher checkpoints;
    private final AuditTrailService audit;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SmsGateway sms;

    @Activate
    public RegistryComponent(BundleContext context, RegistryConfiguration configuration, @Reference Database database)
            throws IOException {
        Path data = Path.of(configuration.data_directory().trim()).toAbsolutePath();
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        ServerMode mode = ServerMode.from(context.getProperty(ServerMode.PROPERTY));
        Path checkpointFile = configuration.audit_checkpoint_file().isBlank() ? data.resolve("audit").resolve("checkpoints.jsonl")
                : Path.of(configuration.audit_checkpoint_file().strip());
        audit = new AuditTrailService(database, clock, new AuditSeal(secretKey("audit.key.file",
                configuration.audit_key_file(), mode, data, "audit.key")), Optional.of(checkpointFile));
        checkpoints = new AuditCheckpointPublisher(audit, checkpointFile, syslog(configuration.audit_syslog()), nodeName(), clock,
                Duration.ofSeconds(Math.max(1, configuration.audit_checkpoint_seconds())));
        byte[] codeKey = secretKey("code.hash.key.file", configuration.code_hash_key_file(), mode, data, "code-hash.key");
        VerificationCodes codes = new VerificationCodes(new JdbcCodeStore(database), new JdbcAttemptWindows(database), codeKey,
                clock, random);
        SmsOneTimeCodes otp = new SmsOneTimeCodes(database, this, new SmsText(configuration.sms_sender().strip(),
                configuration.sms_text().strip()), codeKey, clock, random);
        OperatorAccess operators = new OperatorAccess(database, audit, clock, random);
        SessionDesk sessions = new SessionDesk(database, codes, otp, audit, id -> Optional.ofNullable(operations.get(id)), clock);
        registrations.add(context.registerService(AuditService.class, audit, null));
        registrations.add(context.registerService(RefusalListener.class, new DispatcherRefusalAudit(audit), null));
        registrations.add(context.registerService(OperatorSessions.class, operators, null));
        registrations.add(context.registerService(DeskSessionService.class, sessions, null));
        registrations.add(context.registerService(CitizenRegistry.class, new CitizenRegistryService(database, codes, audit), null));
        registrations.add(context.registerService(HttpRoutes.class,
                new RegistryRoutes(new DeskRoutes(database, operators, audit), operators,
                        new OperatorCardSignIn(database, operators, audit, clock, random), sessions, audit), null));
        LOG.info("Registry core ready");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addOperation(DeskOperation operation) {
        operations.put(operation.id(), operation);
        LOG.info("Desk operation {} installed", operation.id());
    }

    void removeOperation(DeskOperation operation) {
        operations.remove(operation.id(), operation);
        LOG.info("Desk operation {} removed", operation.id());
    }

    /** The one-time codes send through whichever gateway ranks best at the moment. */
    @Override
    public void send(PhoneNumber to, String text) throws SmsException {
        sms.send(to, text);
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        checkpoints.close();
        audit.close();
    }

    /**
     * A key that must be equal on every node (the verification-code key: a code issued on one is checked on another;
     * the audit key: every node seals the one chain): from its file; a development server makes one of its own.
     */
    private static byte[] secretKey(String setting, String configured, ServerMode mode, Path data, String developmentName)
            throws IOException {
        if (!configured.isBlank()) {
            return SecretFiles.readKey(setting, Path.of(configured.strip()), 32);
        }
        mode.requireInProduction(setting, false, "is empty; production needs this key (openssl rand -base64 32 into a chmod 600 "
                + "file), the same on every node");
        Path file = data.resolve("keys").resolve(developmentName);
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            PrivateFiles.write(file, Base64.getEncoder().encodeToString(key));
        }
        return Base64.getDecoder().decode(Files.readString(file).trim());
    }

    private static Optional<InetSocketAddress> syslog(String hostAndPort) {
        String value = hostAndPort.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        int colon = value.lastIndexOf(':');
        if (colon < 1) {
            throw new SettingRefusedException("audit.syslog", "is '" + value + "'; write host:port, e.g. loghost:514");
        }
        return Optional.of(new InetSocketAddress(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1))));
    }

    /** Names this node in its checkpoints. */
    private static String nodeName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
        } catch (IOException e) {
            return "node-" + ProcessHandle.current().pid();
        }
    }
}
