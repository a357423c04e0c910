package org.regdesk.updates.p2.internal;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.regdesk.card.api.CardDriver;
import org.regdesk.updates.DriverRelease;
import org.regdesk.updates.DriverUpdates;
import org.regdesk.updates.InstalledDriver;
import org.regdesk.updates.UpdateException;
import org.regdesk.updates.UpdateException.Problem;

/**
 * {@code regdesk-drivers}: the same driver updates as the Drivers part, for administrators' scripts;
 * {@code list} also shows the driver bundles this start runs.
 * Exit code 0 on success, 2 on a refused or failed change (message in Turkish and English), 64 on a
 * usage error. See docs/DRIVER-UPDATES.md.
 */
public final class DriversCommand implements IApplication {

    static final int REFUSED = 2;
    static final int USAGE = 64;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
        context.applicationRunning();
        BundleContext bundles = FrameworkUtil.getBundle(DriversCommand.class).getBundleContext();
        // Configured = the component carries etc/org.regdesk.updates.cfg's properties (File Install
        // delivers them shortly after start); without them no certificate would be trusted.
        ServiceTracker<DriverUpdates, DriverUpdates> tracker = new ServiceTracker<>(bundles,
                bundles.createFilter("(&(objectClass=" + DriverUpdates.class.getName() + ")(trusted.certificates=*))"), null);
        tracker.open();
        try {
            DriverUpdates updates = tracker.waitForService(30_000);
            if (updates == null) {
                System.err.println("RegDesk: driver updates are not configured: etc/org.regdesk.updates.cfg was not read"
                        + " (or has no trusted.certificates). Sürücü güncellemeleri ayarlanmamış.");
                return REFUSED;
            }
            int exit = run(updates, args, System.out, System.err);
            if (args.length > 0 && args[0].equals("list")) {
                printRunningDrivers(bundles, System.out);
            }
            return exit;
        } finally {
            tracker.close();
        }
    }

    static int run(DriverUpdates updates, String[] args, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>();
        Optional<URI> repository = updates.repository();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--repository") && i + 1 < args.length) {
                repository = Optional.of(URI.create(args[++i]));
            } else if (!args[i].startsWith("-")) {
                words.add(args[i]);
            }
        }
        DriverUpdates.Progress progress = step -> out.println("  .. " + step);
        try {
            switch (words.isEmpty() ? "" : words.get(0)) {
            case "list" -> {
                for (InstalledDriver driver : updates.installed()) {
                    out.printf("%s\t%s\t%s\tprevious: %s%n", driver.release().featureId(), driver.release().version(),
                            driver.release().name(), driver.previousVersion().orElse("-"));
                }
            }
            case "check" -> {
                for (DriverRelease release : updates.available(need(repository), progress)) {
                    out.printf("%s\t%s\t%s%n", release.featureId(), release.version(), release.name());
                }
            }
            case "install" -> {
                if (words.size() != 3) {
                    return usage(err);
                }
                URI from = need(repository);
                DriverRelease release = updates.available(from, progress).stream()
                        .filter(r -> r.featureId().equals(words.get(1)) && r.version().equals(words.get(2))).findFirst()
                        .orElseThrow(() -> new UpdateException(Problem.NOT_FOUND, words.get(1) + " " + words.get(2)));
                InstalledDriver now = updates.install(release, from, progress);
                out.println("Installed / kuruldu: " + now.release().featureId() + " " + now.release().version());
            }
            case "rollback" -> {
                if (words.size() != 2) {
                    return usage(err);
                }
                InstalledDriver now = updates.rollBack(words.get(1), progress);
                out.println("Rolled back / geri alındı: " + now.release().featureId() + " " + now.release().version());
            }
            default -> {
                return usage(err);
            }
            }
            return EXIT_OK;
        } catch (UpdateException e) {
            err.println(e.problem().turkish());
            err.println(e.problem().english());
            err.println("(" + e.problem() + ": " + e.getMessage() + ")");
            return REFUSED;
        }
    }

    /** What this start of the installation actually runs: the driver bundles and their state. */
    private static void printRunningDrivers(BundleContext bundles, PrintStream out) {
        for (Bundle bundle : bundles.getBundles()) {
            if (bundle.getHeaders("").get(CardDriver.MANIFEST_HEADER) != null) {
                out.printf("running\t%s\t%s\t%s%n", bundle.getSymbolicName(), bundle.getVersion(),
                        (bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0 ? "started" : "not started");
            }
        }
    }

    private static URI need(Optional<URI> repository) throws UpdateException {
        return repository.orElseThrow(() -> new UpdateException(Problem.NO_REPOSITORY, "pass --repository URL"));
    }

    private static int usage(PrintStream err) {
        err.println("""
                Usage: regdesk-drivers list
                       regdesk-drivers check    [--repository URL]
                       regdesk-drivers install  FEATURE VERSION [--repository URL]
                       regdesk-drivers rollback FEATURE
                URL is a p2 repository (file: or https:); the default is repository in etc/org.regdesk.updates.cfg.""");
        return USAGE;
    }

    @Override
    public void stop() {
        // runs to completion: a half-applied profile change is worse than a late exit
    }
}
