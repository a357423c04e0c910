package org.regdesk.ui.workstation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.regdesk.card.api.CardDriver;
import org.regdesk.card.api.CardService;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.CardView;
import org.regdesk.card.api.PinStatus;
import org.regdesk.ui.desk.testing.CardTooling;
import org.regdesk.ui.desk.testing.RunningRegistry;
import org.regdesk.ui.desk.testing.Screenshots;
import org.regdesk.ui.desk.testing.Widgets;
import org.regdesk.updates.UpdateException.Problem;

/**
 * Issue #7 end to end, inside a copy of the workstation product installed by p2 (tycho-surefire's
 * p2Installed runtime): version 1 of the PC/SC driver came with the product, version 2 is in a
 * repository (file:, and the signed one on an HTTPS server). Through the Drivers part: unsigned, untrusted and tampered version 2 are refused and
 * version 1 keeps serving the card; the signed version 2 installs and serves the card without a
 * restart; a roll back gives up while a card operation outlasts the wait, and waits for one that ends
 * in time, then returns to version 1.
 */
class DriverUpdateEndToEndTest {

    private static final int READER_0 = 35963;
    private static final String SERIAL = "RD0000000007";
    private static final String VERSION_2 = "1.0.1.v2";
    private static final String DRIVER_NAME = "RegDesk PC/SC reference card driver";

    private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
    private Display display;
    private Shell shell;
    private CardService cards;
    private CardTooling.VirtualCard card;
    private Configuration updatesConfig;
    private HttpsRepository updateServer;

    @BeforeEach
    void openTheDriversPartWithACardInTheReader() throws Exception {
        CardTooling.requirePcscd();
        display = Display.getCurrent();
        MApplication application = context.getService(context.getServiceReference(IWorkbench.class)).getApplication();
        EModelService models = application.getContext().get(EModelService.class);
        shell = (Shell) ((MWindow) models.find("org.regdesk.ui.workstation.window.main", application)).getWidget();
        application.getContext().get(EPartService.class)
                .activate((MPart) models.find("org.regdesk.ui.drivers.part.drivers", application));
        cards = context.getService(context.getServiceReference(CardService.class));
        card = CardTooling.insert(READER_0, SERIAL, "AYŞE YILMAZ", org.regdesk.server.store.DemoData.AYSE.value());
        RunningRegistry.waitUntil(display, "the card read by the PC/SC driver", () -> cardView() != null);
        updatesConfig = context.getService(context.getServiceReference(ConfigurationAdmin.class))
                .getConfiguration("org.regdesk.updates", "?");
    }

    @AfterEach
    void removeTheCard() throws Exception {
        if (updateServer != null) {
            updateServer.close();
        }
        if (card != null) {
            card.close();
        }
        if (updatesConfig != null) {
            updatesConfig.delete();
        }
    }

    @Test
    void refusedVersionsLeaveVersion1WorkingTheSignedOneTakesOverWithoutARestartAndRollsBack() throws Exception {
        String version1 = driverBundle().getVersion().toString();
        Path install = Path.of(URI.create(System.getProperty("osgi.install.area")));
        Path work = Files.createDirectories(Path.of("target", "driver-releases").toAbsolutePath());
        Path serverKey = HttpsRepository.trustInThisJvm(work); // before p2 opens any TLS connection
        DriverReleases releases = new DriverReleases(context, install, work,
                Path.of(System.getProperty("regdesk.checkout", "../..")).toAbsolutePath().normalize());
        // No restart: the same card service (same component, same service id) and the same window.
        Object cardServiceId = context.getServiceReference(CardService.class).getProperty("service.id");

        for (DriverReleases.Signing refused : List.of(DriverReleases.Signing.UNSIGNED, DriverReleases.Signing.UNTRUSTED,
                DriverReleases.Signing.TAMPERED)) {
            configure(releases.publish(version1, VERSION_2, refused), releases.trustedCertificate(), 30);
            installThroughTheUi(VERSION_2);
            Problem expected = switch (refused) {
            case UNSIGNED -> Problem.UNSIGNED;
            case UNTRUSTED -> Problem.UNTRUSTED;
            default -> Problem.TAMPERED;
            };
            awaitStatus(expected.turkish());
            if (refused == DriverReleases.Signing.UNTRUSTED) {
                Screenshots.take(shell, "drivers-refused-untrusted");
            }
            assertEquals(version1, driverBundle().getVersion().toString(), refused + ": version 1 stays installed");
            assertCardServedBy(version1);
        }

        // The signed release comes from an HTTPS update server.
        URI signed = releases.publish(version1, VERSION_2, DriverReleases.Signing.TRUSTED);
        updateServer = HttpsRepository.serve(Path.of(signed), serverKey);
        configure(updateServer.location(), releases.trustedCertificate(), 30);
        installThroughTheUi(VERSION_2);
        awaitStatus(DRIVER_NAME + " " + VERSION_2
                + " kuruldu ve kartlara hizmet veriyor; yeniden başlatmaya gerek yok.");
        assertEquals(1, driverBundles().size(), "version 1 was uninstalled: " + driverBundles());
        assertCardServedBy(VERSION_2);
        assertNoRestart(cardServiceId);
        Screenshots.take(shell, "drivers-updated");

        // A card operation in progress: the roll back waits for it (2 s here), then gives up.
        configure(null, releases.trustedCertificate(), 2);
        Table installed = table("updates.installed");
        int pcsc = rowOf(installed, DRIVER_NAME);
        RunningRegistry.waitUntil(display, "version 1 offered for roll back", () -> installed.getItem(pcsc).getText(1)
                .equals(VERSION_2) && installed.getItem(pcsc).getText(2).equals(version1));
        try (CardSession inUse = openTheCard()) {
            select(installed, pcsc);
            press("updates.rollback");
            awaitStatus(Problem.CARDS_BUSY.turkish());
            assertEquals(VERSION_2, driverBundle().getVersion().toString());
            assertEquals(PinStatus.State.NOT_SET, inUse.pinStatus().state(), "the session in use was never cut");
        }

        // When the card operation ends within the wait, the change goes ahead after it.
        configure(null, releases.trustedCertificate(), 30);
        CardSession inUse = openTheCard();
        select(installed, pcsc);
        press("updates.rollback");
        awaitStatus("Süren kart işlemlerinin bitmesi bekleniyor...");
        RunningRegistry.pump(display, 1000);
        assertEquals(VERSION_2, driverBundle().getVersion().toString(), "nothing changes while the card is in use");
        assertEquals(PinStatus.State.NOT_SET, inUse.pinStatus().state());
        inUse.close();
        awaitStatus(DRIVER_NAME + " yeniden " + version1 + " sürümünde; yeniden başlatmaya gerek yok.");
        assertCardServedBy(version1);
        assertNoRestart(cardServiceId);
    }

    private void assertNoRestart(Object cardServiceId) {
        assertEquals(cardServiceId, context.getServiceReference(CardService.class).getProperty("service.id"),
                "the card registry kept running");
        assertTrue(!shell.isDisposed() && shell.isVisible(), "the desk window stayed open");
    }

    private void installThroughTheUi(String version) {
        press("updates.check");
        Table available = table("updates.available");
        RunningRegistry.waitUntil(display, "version " + version + " listed", () -> Arrays.stream(available.getItems())
                .anyMatch(item -> item.getText(1).equals(version)));
        for (int i = 0; i < available.getItemCount(); i++) {
            if (available.getItem(i).getText(1).equals(version)) {
                select(available, i);
            }
        }
        press("updates.install");
    }

    /** The card is read again after a driver change, and the only driver service is from {@code version}. */
    private void assertCardServedBy(String version) throws Exception {
        RunningRegistry.waitUntil(display, "the PC/SC driver " + version + " registered", () -> {
            ServiceReference<CardDriver>[] drivers = driverServices();
            return drivers.length == 1 && drivers[0].getBundle().getVersion().toString().equals(version);
        });
        // the registry drops the readers with the old driver and reads the card again with the new one
        RunningRegistry.waitUntil(display, "the card read and opened again", () -> {
            try (CardSession session = cards.open(SERIAL)) {
                assertEquals(SERIAL, session.identity().serialNumber());
                assertEquals(PinStatus.State.NOT_SET, session.pinStatus().state());
                assertEquals(1, session.certificates().size());
                return true;
            } catch (org.regdesk.card.api.CardException notYet) {
                return false;
            }
        });
    }

    /**
     * A session on the test card, once the registry has it readable: its background scan may hold the
     * card (or have found it held by the test) a moment ago, and tries again every second.
     */
    private CardSession openTheCard() {
        CardSession[] opened = new CardSession[1];
        RunningRegistry.waitUntil(display, "the card can be opened", () -> {
            try {
                opened[0] = cards.open(SERIAL);
                return true;
            } catch (org.regdesk.card.api.CardException notYet) {
                return false;
            }
        });
        return opened[0];
    }

    @SuppressWarnings("unchecked")
    private ServiceReference<CardDriver>[] driverServices() {
        try {
            ServiceReference<?>[] all = context.getAllServiceReferences(CardDriver.class.getName(), null);
            return all == null ? new ServiceReference[0]
                    : Arrays.stream(all).filter(ref -> ref.getBundle() != null
                            && DriverReleases.BUNDLE.equals(ref.getBundle().getSymbolicName())).toArray(ServiceReference[]::new);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private CardView cardView() {
        return cards.readers().stream()
                .filter(view -> view.card().map(identity -> identity.serialNumber().equals(SERIAL)).orElse(false)).findFirst()
                .orElse(null);
    }

    private List<Bundle> driverBundles() {
        return Arrays.stream(context.getBundles()).filter(bundle -> DriverReleases.BUNDLE.equals(bundle.getSymbolicName()))
                .toList();
    }

    private Bundle driverBundle() {
        List<Bundle> bundles = driverBundles();
        assertEquals(1, bundles.size(), bundles::toString);
        return bundles.get(0);
    }

    private void configure(URI repository, Path trusted, int cardWaitSeconds) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        Dictionary<String, Object> before = updatesConfig.getProperties();
        Object previousRepository = before == null ? null : before.get("repository");
        properties.put("repository", repository != null ? repository.toString() : previousRepository);
        properties.put("trusted.certificates", trusted.toString());
        properties.put("card.wait.seconds", cardWaitSeconds);
        updatesConfig.update(properties);
        RunningRegistry.pump(display, 500); // SCR hands the configuration over asynchronously
    }

    private void awaitStatus(String expected) {
        Label status = (Label) Widgets.findByRole(shell, "updates.status", false);
        assertNotNull(status);
        try {
            RunningRegistry.waitUntil(display, "status '" + expected + "'", () -> status.getText().equals(expected));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the status says: " + status.getText(), e);
        }
    }

    private Table table(String role) {
        Table table = (Table) Widgets.findByRole(shell, role, false);
        assertNotNull(table, role);
        return table;
    }

    private int rowOf(Table table, String name) {
        RunningRegistry.waitUntil(display, name + " listed", () -> Arrays.stream(table.getItems())
                .anyMatch(item -> item.getText(0).equals(name)));
        for (int i = 0; i < table.getItemCount(); i++) {
            if (table.getItem(i).getText(0).equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not listed");
    }

    private static void select(Table table, int row) {
        table.setSelection(row);
        Event event = new Event();
        event.item = table.getItem(row);
        table.notifyListeners(SWT.Selection, event);
    }

    private void press(String role) {
        Button button = (Button) Widgets.findByRole(shell, role, false);
        assertNotNull(button, role);
        RunningRegistry.waitUntil(display, role + " enabled", button::isEnabled);
        button.notifyListeners(SWT.Selection, new Event());
        RunningRegistry.pump(display, 100);
    }
}
