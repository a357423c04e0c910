package org.regdesk.updates.p2.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.preferences.ConfigurationScope;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.engine.IEngine;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.engine.PhaseSetFactory;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.Version;
import org.eclipse.equinox.p2.planner.IPlanner;
import org.eclipse.equinox.p2.planner.IProfileChangeRequest;
import org.eclipse.equinox.p2.planner.ProfileInclusionRules;
import org.eclipse.equinox.p2.query.IQueryable;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.artifact.IFileArtifactRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.prefs.BackingStoreException;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardService;
import org.regdesk.updates.DriverRelease;
import org.regdesk.updates.DriverUpdates;
import org.regdesk.updates.InstalledDriver;
import org.regdesk.updates.UpdateException;
import org.regdesk.updates.UpdateException.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driver updates with the p2 runtime of this installation (profile {@code _SELF_}). A change is
 * planned, downloaded into a staging repository ({@link StagedArtifacts}), checked jar by jar
 * ({@link DriverSignatures}), committed from there while no card is in use, and applied to the running
 * framework ({@link RunningBundles}: old driver bundle uninstalled, new one started): the card
 * registry's dynamic references do the rest.
 * Driver features are the installed feature groups marked {@value #DRIVER_PROPERTY} in their p2.inf.
 */
@Component(service = DriverUpdates.class, configurationPid = "org.regdesk.updates",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = P2DriverUpdates.Config.class)
public final class P2DriverUpdates implements DriverUpdates {

    static final String DRIVER_PROPERTY = "org.regdesk.card.driver";
    private static final Logger LOG = LoggerFactory.getLogger(P2DriverUpdates.class);

    @ObjectClassDefinition(name = "RegDesk driver updates")
    public @interface Config {
        @AttributeDefinition(description = "Update repository: a file: or https: URL; empty = none")
        String repository() default "";

        @AttributeDefinition(description = "PEM files (comma-separated) with the certificates driver jars must be signed by")
        String trusted_certificates() default "";

        @AttributeDefinition(description = "How long an update waits for a card operation to finish")
        int card_wait_seconds() default 30;
    }

    @Reference
    private IProvisioningAgentProvider agentProvider; // referenced so p2.core activates and registers _SELF_'s agent

    @Reference
    private CardService cards;

    private BundleContext context;
    private volatile Optional<URI> repository = Optional.empty();
    private volatile DriverSignatures signatures = new DriverSignatures(List.of());
    private volatile Duration cardWait = Duration.ofSeconds(30);

    @Activate
    void activate(BundleContext bundleContext, Config config) {
        this.context = bundleContext;
        configure(config);
        keepPreviousVersionsForRollBack();
    }

    @Modified
    void configure(Config config) {
        repository = repositoryUri(config.repository().trim());
        signatures = new DriverSignatures(readCertificates(config.trusted_certificates()));
        cardWait = Duration.ofSeconds(Math.max(1, config.card_wait_seconds()));
        LOG.info("Driver updates: repository {}, {} trusted signing certificate(s)", repository.map(URI::toString).orElse("(none)"),
                signatures.trusted().size());
    }

    @Override
    public Optional<URI> repository() {
        return repository;
    }

    @Override
    public synchronized List<InstalledDriver> installed() {
        try {
            IProvisioningAgent agent = agent();
            IProfile profile = profile(agent);
            List<IProfile> history = history(agent.getService(IProfileRegistry.class), profile); // read once for all drivers
            return drivers(profile).stream()
                    .map(iu -> new InstalledDriver(release(iu), previous(history, iu).map(p -> p.unit().getVersion().toString())))
                    .toList();
        } catch (UpdateException | IllegalStateException e) { // IllegalStateException: p2 stopping with the desk
            LOG.warn("Installed drivers unknown: {}", e.getMessage());
            return List.of();
        }
    }

    @Override
    public synchronized List<DriverRelease> available(URI from, Progress progress) throws UpdateException {
        IProvisioningAgent agent = agent();
        progress.step(Step.CONTACTING_REPOSITORY);
        return drivers(metadata(agent, from)).stream().map(P2DriverUpdates::release).toList();
    }

    @Override
    public synchronized InstalledDriver install(DriverRelease release, URI from, Progress progress) throws UpdateException {
        long started = System.nanoTime();
        IProvisioningAgent agent = agent();
        IProfile profile = profile(agent);
        progress.step(Step.CONTACTING_REPOSITORY);
        IMetadataRepository repository = metadata(agent, from);
        IInstallableUnit wanted = repository
                .query(QueryUtil.createIUQuery(release.featureId(), Version.create(release.version())), null).stream()
                .filter(P2DriverUpdates::isDriver).findFirst()
                .orElseThrow(() -> new UpdateException(Problem.NOT_FOUND, release.featureId() + " " + release.version()));
        ProvisioningContext provisioning = new ProvisioningContext(agent);
        provisioning.setMetadataRepositories(from);
        provisioning.setArtifactRepositories(from);
        provisioning.setProperty(ProvisioningContext.FOLLOW_REPOSITORY_REFERENCES, Boolean.FALSE.toString());
        change(agent, profile, wanted, provisioning, Optional.of(from), progress);
        LOG.info("Driver {} {} installed from {} in {} ms", release.featureId(), release.version(), from,
                (System.nanoTime() - started) / 1_000_000);
        return installedNow(release.featureId());
    }

    @Override
    public synchronized InstalledDriver rollBack(String featureId, Progress progress) throws UpdateException {
        long started = System.nanoTime();
        IProvisioningAgent agent = agent();
        IProfile profile = profile(agent);
        IInstallableUnit current = drivers(profile).stream().filter(iu -> iu.getId().equals(featureId)).findFirst()
                .orElseThrow(() -> new UpdateException(Problem.NOT_FOUND, featureId + " is not installed"));
        Snapshot before = previous(history(agent.getService(IProfileRegistry.class), profile), current)
                .orElseThrow(() -> new UpdateException(Problem.NOTHING_TO_ROLL_BACK, featureId));
        // The earlier version's metadata comes from the profile snapshot, its jars only from the bundle
        // pool (kept: garbage collection is off), where they lie as checked when first installed; so a
        // roll back needs no repository and never fetches anything unchecked. p2's own check runs again.
        ProvisioningContext provisioning = new ProvisioningContext(agent);
        provisioning.setMetadataRepositories();
        provisioning.setExtraInstallableUnits(before.snapshot().query(QueryUtil.createIUAnyQuery(), null).toUnmodifiableSet()
                .stream().toList());
        provisioning.setArtifactRepositories(bundlePoolLocation(profile));
        change(agent, profile, before.unit(), provisioning, Optional.empty(), progress);
        LOG.info("Driver {} rolled back from {} to {} in {} ms", featureId, current.getVersion(), before.unit().getVersion(),
                (System.nanoTime() - started) / 1_000_000);
        return installedNow(featureId);
    }

    /**
     * Plans replacing the installed version of {@code wanted}'s driver with it, then (for an install)
     * downloads the jars into a staging repository, checks them there, and installs from that staging
     * repository only: what was checked is what gets installed, whatever the source does meanwhile.
     */
    private void change(IProvisioningAgent agent, IProfile profile, IInstallableUnit wanted, ProvisioningContext provisioning,
            Optional<URI> downloadFrom, Progress progress) throws UpdateException {
        progress.step(Step.PLANNING);
        IPlanner planner = agent.getService(IPlanner.class);
        IEngine engine = agent.getService(IEngine.class);
        IProfileChangeRequest request = planner.createChangeRequest(profile);
        drivers(profile).stream().filter(iu -> iu.getId().equals(wanted.getId())).forEach(request::remove);
        request.add(wanted);
        request.setInstallableUnitProfileProperty(wanted, IProfile.PROP_PROFILE_ROOT_IU, Boolean.TRUE.toString());
        request.setInstallableUnitInclusionRules(wanted, ProfileInclusionRules.createStrictInclusionRule(wanted));
        IProgressMonitor monitor = new NullProgressMonitor();
        IProvisioningPlan plan = planner.getProvisioningPlan(request, provisioning, monitor);
        if (plan.getStatus().getSeverity() == IStatus.ERROR || plan.getStatus().getSeverity() == IStatus.CANCEL) {
            throw new UpdateException(Problem.CONFLICT, P2Problems.describe(plan.getStatus()));
        }
        try (StagedArtifacts staged = downloadFrom.isPresent() ? StagedArtifacts.create(agent) : null) {
            if (staged != null) {
                progress.step(Step.DOWNLOADING);
                List<File> jars = staged.download(downloadFrom.get(), plan);
                progress.step(Step.VERIFYING_SIGNATURES);
                DriverSignatures check = signatures;
                for (File jar : jars) {
                    check.verify(jar);
                }
                provisioning.setArtifactRepositories(staged.location());
            }
            progress.step(Step.WAITING_FOR_CARDS);
            cards.whileCardsIdle(cardWait, () -> {
                progress.step(Step.INSTALLING);
                withDeskTrust(agent, () -> P2Problems.check(engine.perform(plan, monitor)));
                progress.step(Step.STARTING_DRIVER);
                RunningBundles.apply(context, plan, bundlePool(agent, profile)); // no restart
                return null;
            });
        } catch (CardException e) {
            throw new UpdateException(Problem.CARDS_BUSY, e.getMessage(), e);
        } catch (UpdateException e) {
            LOG.warn("Driver change refused: {}", e.getMessage());
            throw e;
        } catch (Exception e) {
            throw new UpdateException(Problem.FAILED, e.getMessage(), e);
        }
    }

    private interface P2Step {
        void run() throws UpdateException;
    }

    /** p2's own signature check asks the agent's UIServices; ours answers for the commit only. */
    private void withDeskTrust(IProvisioningAgent agent, P2Step step) throws UpdateException {
        DeskTrust deskTrust = new DeskTrust(signatures);
        Object before = agent.getService(UIServices.SERVICE_NAME);
        if (before != null) {
            agent.unregisterService(UIServices.SERVICE_NAME, before);
        }
        agent.registerService(UIServices.SERVICE_NAME, deskTrust);
        try {
            step.run();
        } finally {
            agent.unregisterService(UIServices.SERVICE_NAME, deskTrust);
            if (before != null) {
                agent.registerService(UIServices.SERVICE_NAME, before);
            }
        }
    }

    private record Snapshot(IProfile snapshot, IInstallableUnit unit) {
    }

    /** The profile's saved states, newest first (each is a file p2 parses: read them once per question). */
    private static List<IProfile> history(IProfileRegistry profiles, IProfile profile) {
        long[] timestamps = profiles.listProfileTimestamps(profile.getProfileId());
        Arrays.sort(timestamps);
        List<IProfile> history = new ArrayList<>();
        for (int i = timestamps.length - 1; i >= 0; i--) {
            IProfile snapshot = profiles.getProfile(profile.getProfileId(), timestamps[i]);
            if (snapshot != null) {
                history.add(snapshot);
            }
        }
        return history;
    }

    /** The last version of this driver before the current one, from the profile's history. */
    private static Optional<Snapshot> previous(List<IProfile> history, IInstallableUnit current) {
        for (IProfile snapshot : history) {
            Optional<IInstallableUnit> unit = snapshot.query(QueryUtil.createIUQuery(current.getId()), null).stream()
                    .filter(iu -> !iu.getVersion().equals(current.getVersion())).findFirst();
            if (unit.isPresent()) {
                return Optional.of(new Snapshot(snapshot, unit.get()));
            }
        }
        return Optional.empty();
    }

    private InstalledDriver installedNow(String featureId) throws UpdateException {
        return installed().stream().filter(driver -> driver.release().featureId().equals(featureId)).findFirst()
                .orElseThrow(() -> new UpdateException(Problem.FAILED, featureId + " is not installed after the change"));
    }

    private static List<IInstallableUnit> drivers(IQueryable<IInstallableUnit> units) {
        return units.query(QueryUtil.createIUGroupQuery(), null).stream().filter(P2DriverUpdates::isDriver)
                .sorted(Comparator.comparing(P2DriverUpdates::name).thenComparing(IInstallableUnit::getVersion, Comparator.reverseOrder()))
                .toList();
    }

    private static boolean isDriver(IInstallableUnit unit) {
        return Boolean.parseBoolean(unit.getProperty(DRIVER_PROPERTY));
    }

    private static String name(IInstallableUnit unit) {
        String name = unit.getProperty(IInstallableUnit.PROP_NAME, null);
        return name == null ? unit.getId() : name;
    }

    private static DriverRelease release(IInstallableUnit unit) {
        return new DriverRelease(unit.getId(), name(unit), unit.getVersion().toString());
    }

    private static IMetadataRepository metadata(IProvisioningAgent agent, URI from) throws UpdateException {
        try {
            return agent.getService(IMetadataRepositoryManager.class).loadRepository(from, new NullProgressMonitor());
        } catch (ProvisionException e) {
            throw new UpdateException(Problem.REPOSITORY_UNREACHABLE, from + ": " + e.getMessage(), e);
        } catch (RuntimeException e) { // OperationCanceledException, an unsupported scheme
            throw new UpdateException(Problem.REPOSITORY_UNREACHABLE, from + ": " + e, e);
        }
    }

    private static URI bundlePoolLocation(IProfile profile) {
        return new File(profile.getProperty(IProfile.PROP_CACHE)).toURI();
    }

    private static IFileArtifactRepository bundlePool(IProvisioningAgent agent, IProfile profile) throws UpdateException {
        try {
            return (IFileArtifactRepository) agent.getService(IArtifactRepositoryManager.class)
                    .loadRepository(bundlePoolLocation(profile), new NullProgressMonitor());
        } catch (ProvisionException | ClassCastException e) {
            throw new UpdateException(Problem.FAILED, "bundle pool " + bundlePoolLocation(profile) + ": " + e.getMessage(), e);
        }
    }

    private static IProfile profile(IProvisioningAgent agent) throws UpdateException {
        IProfile profile = agent.getService(IProfileRegistry.class).getProfile(IProfileRegistry.SELF);
        if (profile == null) {
            throw new UpdateException(Problem.FAILED, "this installation has no p2 profile (not installed by p2)");
        }
        return profile;
    }

    private IProvisioningAgent agent() throws UpdateException {
        try {
            for (ServiceReference<IProvisioningAgent> reference : context.getServiceReferences(IProvisioningAgent.class,
                    "(" + IProvisioningAgent.SERVICE_CURRENT + "=true)")) {
                IProvisioningAgent agent = context.getService(reference);
                if (agent != null) {
                    return agent;
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        throw new UpdateException(Problem.FAILED, "no running p2 agent (eclipse.p2.data.area is not set)");
    }

    /** Jars of replaced drivers stay in the bundle pool so a roll back needs no repository. */
    private static void keepPreviousVersionsForRollBack() {
        var node = ConfigurationScope.INSTANCE.getNode("org.eclipse.equinox.p2.garbagecollector");
        if (node.getBoolean("gc_enabled", true)) {
            node.putBoolean("gc_enabled", false);
            try {
                node.flush();
            } catch (BackingStoreException e) {
                LOG.warn("Could not keep p2 garbage collection off: {}", e.getMessage());
            }
        }
    }

    /** Empty for none, for an unset ${...} placeholder and (logged) for a malformed URL. */
    private static Optional<URI> repositoryUri(String url) {
        if (url.isEmpty() || url.contains("${")) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null) {
                throw new IllegalArgumentException("no scheme (file: or https:)");
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            LOG.error("Driver update repository '{}' is not a URL: {}", url, e.getMessage());
            return Optional.empty();
        }
    }

    private static List<X509Certificate> readCertificates(String paths) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (String path : paths.split(",")) {
            if (path.isBlank() || path.contains("${")) {
                continue;
            }
            try (InputStream in = Files.newInputStream(Path.of(path.trim()))) {
                for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    certificates.add((X509Certificate) certificate);
                }
            } catch (IOException | CertificateException e) {
                LOG.error("Trusted driver-signing certificate {} unreadable: {}", path.trim(), e.getMessage());
            }
        }
        return certificates;
    }
}
