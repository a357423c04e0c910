package org.regdesk.updates.p2.internal;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.query.IQueryable;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IFileArtifactRepository;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a committed driver change to the running framework: the bundles the plan removed are
 * uninstalled, the ones it added are installed from the bundle pool and started, and only the removed
 * ones are refreshed. (simpleconfigurator's applyConfiguration also refreshes every bundle that could
 * wire to the new ones, which restarted unrelated bundles such as this one.) bundles.info, written by
 * p2 in the same change, says the same for the next start.
 */
final class RunningBundles {

    private static final String BUNDLE_CLASSIFIER = "osgi.bundle";
    private static final Logger LOG = LoggerFactory.getLogger(RunningBundles.class);

    private RunningBundles() {
    }

    static void apply(BundleContext context, IProvisioningPlan plan, IFileArtifactRepository bundlePool)
            throws BundleException, InterruptedException {
        List<Bundle> removed = new ArrayList<>();
        for (IInstallableUnit unit : bundleUnits(plan.getRemovals())) {
            for (Bundle bundle : context.getBundles()) {
                if (unit.getId().equals(bundle.getSymbolicName())
                        && bundle.getVersion().equals(Version.parseVersion(unit.getVersion().toString()))) {
                    bundle.uninstall(); // stops it first: its DS components and services go away
                    removed.add(bundle);
                }
            }
        }
        List<Bundle> added = new ArrayList<>();
        for (IInstallableUnit unit : bundleUnits(plan.getAdditions())) {
            for (IArtifactKey key : unit.getArtifacts()) {
                File jar = bundlePool.getArtifactFile(key);
                if (jar == null) {
                    throw new BundleException(key + " is not in the bundle pool after the change");
                }
                added.add(context.installBundle("reference:" + jar.toURI()));
            }
        }
        LOG.info("Driver change in the running desk: uninstalled {}, installed {}", removed, added);
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        CountDownLatch refreshed = new CountDownLatch(1);
        wiring.refreshBundles(removed, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                refreshed.countDown();
            }
        });
        if (!refreshed.await(60, TimeUnit.SECONDS)) {
            throw new BundleException("the framework did not finish refreshing the replaced driver");
        }
        wiring.resolveBundles(added);
        for (Bundle bundle : added) {
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                // as simpleconfigurator starts them: lazy bundles activate on first use, DS sees them now
                bundle.start(bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY) != null
                        ? Bundle.START_ACTIVATION_POLICY : 0);
            }
        }
    }

    private static List<IInstallableUnit> bundleUnits(IQueryable<IInstallableUnit> units) {
        return units.query(QueryUtil.createIUAnyQuery(), null).stream()
                .filter(unit -> unit.getArtifacts().stream().anyMatch(key -> BUNDLE_CLASSIFIER.equals(key.getClassifier())))
                .toList();
    }
}
