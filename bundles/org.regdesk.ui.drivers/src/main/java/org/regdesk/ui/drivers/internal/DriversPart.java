package org.regdesk.ui.drivers.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.regdesk.card.api.CardDriver;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.TableColumns;
import org.regdesk.ui.desk.WidgetRoles;
import org.regdesk.updates.DriverUpdates;

/**
 * "Drivers": the installed card-driver plug-ins with their version and state, kept live as bundles
 * are installed, updated or removed, and below them the field updates ({@link DriverUpdatesSection}).
 * A bundle is a driver when its manifest carries {@value CardDriver#MANIFEST_HEADER}, whose value is the driver's
 * display name.
 */
public class DriversPart {

    @Inject
    private UISynchronize sync;

    private final BundleContext bundleContext = FrameworkUtil.getBundle(DriversPart.class).getBundleContext();
    private final BundleListener bundleListener = event -> refreshLater();
    private final ServiceTracker<DriverUpdates, DriverUpdates> updates = new ServiceTracker<>(bundleContext, DriverUpdates.class, null);
    private DriverUpdatesSection updatesSection;
    private final AtomicBoolean refreshPending = new AtomicBoolean();

    private Label title;
    private Label emptyMessage;
    private TableViewer viewer;
    private TableViewerColumn nameColumn;
    private TableViewerColumn bundleColumn;
    private TableViewerColumn versionColumn;
    private TableViewerColumn stateColumn;
    private Messages messages;
    private DeskMessages desk;

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.swtDefaults().margins(16, 16).spacing(8, 12).applyTo(parent);
        title = new Label(parent, SWT.NONE);
        title.setFont(JFaceResources.getHeaderFont());
        title.setData(WidgetRoles.KEY, "drivers.title");
        emptyMessage = new Label(parent, SWT.WRAP);
        emptyMessage.setData(WidgetRoles.KEY, "drivers.empty");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(emptyMessage);

        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setData(WidgetRoles.KEY, "drivers.table");
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 110).applyTo(viewer.getControl());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        nameColumn = TableColumns.add(viewer, Bundle.class, 260, bundle -> bundle.getHeaders().get(CardDriver.MANIFEST_HEADER));
        bundleColumn = TableColumns.add(viewer, Bundle.class, 260, Bundle::getSymbolicName);
        versionColumn = TableColumns.add(viewer, Bundle.class, 160, bundle -> bundle.getVersion().toString());
        stateColumn = TableColumns.add(viewer, Bundle.class, 110, bundle -> desk.bundleState(bundle.getState()));
        updates.open();
        updatesSection = new DriverUpdatesSection(parent, sync, () -> Optional.ofNullable(updates.getService()));
        bundleContext.addBundleListener(bundleListener);
        translate(messages, desk);
    }

    @Inject
    public void translate(@Translation Messages translated, @Translation DeskMessages deskTranslated) {
        this.messages = translated;
        this.desk = deskTranslated;
        if (title == null || title.isDisposed()) {
            return; // e4 injects before @PostConstruct; createControls applies the text
        }
        title.setText(translated.drivers_title);
        emptyMessage.setText(translated.drivers_empty);
        nameColumn.getColumn().setText(translated.drivers_columnName);
        bundleColumn.getColumn().setText(translated.drivers_columnBundle);
        versionColumn.getColumn().setText(translated.drivers_columnVersion);
        stateColumn.getColumn().setText(translated.drivers_columnState);
        updatesSection.translate(translated);
        refresh();
    }

    /** Installed driver bundles, by display name. */
    public static List<Bundle> installedDrivers(BundleContext context) {
        return Arrays.stream(context.getBundles()).filter(bundle -> bundle.getHeaders().get(CardDriver.MANIFEST_HEADER) != null)
                .sorted(Comparator.comparing((Bundle bundle) -> bundle.getHeaders().get(CardDriver.MANIFEST_HEADER)))
                .toList();
    }

    private void refreshLater() {
        if (sync != null && refreshPending.compareAndSet(false, true)) {
            // an update moves many bundles at once: one refresh for the burst
            sync.asyncExec(() -> {
                refreshPending.set(false);
                refresh();
                updatesSection.refreshInstalled();
            });
        }
    }

    private void refresh() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        List<Bundle> drivers = installedDrivers(bundleContext);
        viewer.setInput(drivers);
        boolean empty = drivers.isEmpty();
        emptyMessage.setVisible(empty);
        ((GridData) emptyMessage.getLayoutData()).exclude = !empty;
        title.getParent().layout(true, true);
    }

    @Focus
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @PreDestroy
    public void dispose() {
        bundleContext.removeBundleListener(bundleListener);
        updates.close();
    }
}
