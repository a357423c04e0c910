package org.regdesk.ui.drivers.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.osgi.framework.Version;
import org.regdesk.ui.desk.DeskFormats;
import org.regdesk.ui.desk.TableColumns;
import org.regdesk.ui.desk.WidgetRoles;
import org.regdesk.updates.DriverRelease;
import org.regdesk.updates.DriverUpdates;
import org.regdesk.updates.InstalledDriver;
import org.regdesk.updates.UpdateException;

/**
 * The update half of the Drivers part: installed driver features with the version a roll back
 * returns to, the versions the repository offers, and the three actions. Changes run on their own
 * thread with the steps shown; the part stays usable, and a refusal says why in the operator's language.
 */
final class DriverUpdatesSection {

    private final UISynchronize sync;
    private final java.util.function.Supplier<Optional<DriverUpdates>> service;
    private Messages messages;

    private final Label title;
    private final Label repositoryLabel;
    private final Label installedTitle;
    private final TableViewer installed;
    private final Label availableTitle;
    private final TableViewerColumn installedName;
    private final TableViewerColumn installedVersion;
    private final TableViewerColumn installedPrevious;
    private final TableViewer available;
    private final TableViewerColumn availableName;
    private final TableViewerColumn availableVersion;
    private final TableViewerColumn availableStatus;
    private final Button check;
    private final Button install;
    private final Button rollBack;
    private final ProgressBar busy;
    private final Label status;
    private List<InstalledDriver> installedNow = List.of();
    private volatile boolean working;

    DriverUpdatesSection(Composite parent, UISynchronize sync, java.util.function.Supplier<Optional<DriverUpdates>> service) {
        this.sync = sync;
        this.service = service;
        title = new Label(parent, SWT.NONE);
        title.setFont(JFaceResources.getBannerFont());
        repositoryLabel = new Label(parent, SWT.WRAP);
        repositoryLabel.setData(WidgetRoles.KEY, "updates.repository");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(repositoryLabel);

        installedTitle = new Label(parent, SWT.NONE);
        installed = table(parent, "updates.installed", 90);
        installedName = TableColumns.add(installed, InstalledDriver.class, 300, driver -> driver.release().name());
        installedVersion = TableColumns.add(installed, InstalledDriver.class, 200, driver -> driver.release().version());
        installedPrevious = TableColumns.add(installed, InstalledDriver.class, 200, driver -> driver.previousVersion().orElse("-"));
        availableTitle = new Label(parent, SWT.NONE);
        available = table(parent, "updates.available", 110);
        availableName = TableColumns.add(available, DriverRelease.class, 300, DriverRelease::name);
        availableVersion = TableColumns.add(available, DriverRelease.class, 200, DriverRelease::version);
        availableStatus = TableColumns.add(available, DriverRelease.class, 200, this::statusOf);

        Composite buttons = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(buttons);
        check = button(buttons, "updates.check", this::check);
        install = button(buttons, "updates.install", this::install);
        rollBack = button(buttons, "updates.rollback", this::rollBack);
        busy = new ProgressBar(buttons, SWT.INDETERMINATE);
        busy.setVisible(false);
        status = new Label(parent, SWT.WRAP);
        status.setData(WidgetRoles.KEY, "updates.status");
        GridDataFactory.fillDefaults().grab(true, false).hint(600, SWT.DEFAULT).applyTo(status);
        installed.addSelectionChangedListener(event -> enable());
        available.addSelectionChangedListener(event -> enable());
    }

    void translate(Messages translated) {
        messages = translated;
        title.setText(translated.updates_title);
        installedTitle.setText(translated.updates_installedTitle);
        availableTitle.setText(translated.updates_availableTitle);
        installedName.getColumn().setText(translated.updates_columnDriver);
        installedVersion.getColumn().setText(translated.updates_columnVersion);
        installedPrevious.getColumn().setText(translated.updates_columnPrevious);
        availableName.getColumn().setText(translated.updates_columnDriver);
        availableVersion.getColumn().setText(translated.updates_columnVersion);
        availableStatus.getColumn().setText(translated.updates_columnStatus);
        check.setText(translated.updates_check);
        install.setText(translated.updates_install);
        rollBack.setText(translated.updates_rollBack);
        refreshInstalled();
        available.refresh();
        check.getParent().layout(true);
    }

    /** Re-reads the installed drivers (the p2 profile and its history: off the UI thread) and the repository. */
    void refreshInstalled() {
        if (title.isDisposed() || messages == null) {
            return;
        }
        Optional<DriverUpdates> updates = service.get();
        Optional<URI> repository = updates.flatMap(DriverUpdates::repository);
        repositoryLabel.setText(repository.map(uri -> DeskFormats.format(messages.updates_repository, uri))
                .orElse(messages.updates_noRepository));
        Thread reader = new Thread(() -> {
            List<InstalledDriver> drivers = updates.map(DriverUpdates::installed).orElse(List.of());
            sync.asyncExec(() -> {
                if (!installed.getControl().isDisposed()) {
                    installedNow = drivers;
                    installed.setInput(drivers);
                    available.refresh();
                    enable();
                }
            });
        }, "regdesk-installed-drivers");
        reader.setDaemon(true);
        reader.start();
    }

    private void check() {
        run(updates -> {
            URI repository = repositoryOrFail(updates);
            List<DriverRelease> releases = updates.available(repository, this::showStep);
            sync.asyncExec(() -> {
                available.setInput(releases);
                say(DeskFormats.format(messages.updates_found, releases.size()), false);
            });
        });
    }

    private void install() {
        Object selected = ((IStructuredSelection) available.getSelection()).getFirstElement();
        if (!(selected instanceof DriverRelease release)) {
            return;
        }
        run(updates -> {
            InstalledDriver now = updates.install(release, repositoryOrFail(updates), this::showStep);
            sync.asyncExec(() -> say(DeskFormats.format(messages.updates_installed, now.release().name(), now.release().version()), false));
        });
    }

    private void rollBack() {
        Object selected = ((IStructuredSelection) installed.getSelection()).getFirstElement();
        if (!(selected instanceof InstalledDriver driver)) {
            return;
        }
        run(updates -> {
            InstalledDriver now = updates.rollBack(driver.release().featureId(), this::showStep);
            sync.asyncExec(() -> say(DeskFormats.format(messages.updates_rolledBack, now.release().name(), now.release().version()), false));
        });
    }

    private interface Work {
        void run(DriverUpdates updates) throws UpdateException;
    }

    private void run(Work work) {
        Optional<DriverUpdates> updates = service.get();
        if (updates.isEmpty() || working) {
            return;
        }
        working = true;
        busy.setVisible(true);
        enable();
        Thread thread = new Thread(() -> {
            try {
                work.run(updates.get());
            } catch (UpdateException e) {
                sync.asyncExec(() -> say(messages.problem(e.problem()), true));
            } catch (RuntimeException e) {
                sync.asyncExec(() -> say(messages.problem(UpdateException.Problem.FAILED) + " (" + e + ")", true));
            } finally {
                working = false;
                sync.asyncExec(() -> {
                    if (!busy.isDisposed()) {
                        busy.setVisible(false);
                        refreshInstalled();
                    }
                });
            }
        }, "regdesk-driver-update");
        thread.setDaemon(true);
        thread.start();
    }

    private URI repositoryOrFail(DriverUpdates updates) throws UpdateException {
        return updates.repository().orElseThrow(() -> new UpdateException(UpdateException.Problem.NO_REPOSITORY, null));
    }

    private void showStep(DriverUpdates.Step step) {
        sync.asyncExec(() -> say(messages.step(step), false));
    }

    private void say(String text, boolean problem) {
        if (status.isDisposed()) {
            return;
        }
        status.setText(text);
        status.setData(WidgetRoles.KEY + ".problem", problem);
        status.setForeground(problem ? status.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
        status.getParent().layout(true, true);
    }

    private String statusOf(DriverRelease release) {
        for (InstalledDriver driver : installedNow) {
            if (driver.release().featureId().equals(release.featureId())) {
                int order = Version.parseVersion(release.version()).compareTo(Version.parseVersion(driver.release().version()));
                return order == 0 ? messages.updates_statusInstalled : order > 0 ? messages.updates_statusNewer : messages.updates_statusOlder;
            }
        }
        return messages.updates_statusNewer;
    }

    private void enable() {
        boolean idle = !working && service.get().isPresent();
        check.setEnabled(idle);
        install.setEnabled(idle && !available.getSelection().isEmpty());
        rollBack.setEnabled(idle && ((IStructuredSelection) installed.getSelection()).getFirstElement() instanceof InstalledDriver driver
                && driver.previousVersion().isPresent());
    }

    private static TableViewer table(Composite parent, String role, int height) {
        TableViewer viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setData(WidgetRoles.KEY, role);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, height).applyTo(viewer.getControl());
        return viewer;
    }

    private static Button button(Composite parent, String role, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setData(WidgetRoles.KEY, role);
        button.addListener(SWT.Selection, event -> action.run());
        return button;
    }
}
