package org.regdesk.ui.workstation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.regdesk.card.api.CardService;
import org.regdesk.ui.desk.testing.Commands;
import org.regdesk.ui.desk.testing.Screenshots;
import org.regdesk.ui.desk.testing.Widgets;
import org.regdesk.ui.workstation.handlers.SwitchLanguageHandler;

/**
 * The workstation as an operator meets it: the main window, its two parts, the status bar, the
 * About dialog, and the language switch from Turkish to English and back.
 */
class WorkstationWindowTest {


    private Display display;
    private MApplication application;
    private EModelService modelService;
    private Shell shell;

    @BeforeEach
    void findTheWorkbench() {
        display = Display.getCurrent();
        assertNotNull(display, "tests must run on the UI thread");
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        IWorkbench workbench = context.getService(context.getServiceReference(IWorkbench.class));
        application = workbench.getApplication();
        modelService = application.getContext().get(EModelService.class);
        MWindow window = (MWindow) modelService.find("org.regdesk.ui.workstation.window.main", application);
        shell = (Shell) window.getWidget();
        waitFor("main window visible", shell::isVisible, true);
        // every test starts on the desk, as the window opens
        application.getContext().get(EPartService.class)
                .activate((MPart) modelService.find("org.regdesk.ui.workstation.part.home", application));
        spin();
    }

    @AfterEach
    void backToTurkish() {
        switchLanguage("tr");
    }

    @Test
    void theMainWindowOpensInTurkishOnTheDeskWithThePartsOfTheOperationsAndTheStatusBar() throws Exception {
        assertEquals("RegDesk - Kayıt masası", shell.getText());
        assertEquals(List.of("Masa", "Okuyucular ve kartlar", "Sürücüler"), tabTexts());
        assertEquals("Masa işlemleri", labelWithRole("home.title").getText());
        Screenshots.take(shell, "desk-tr"); // the README's first picture
        showReaders();
        assertEquals("Kart okuyucular ve kartlar", labelWithRole("readers.title").getText());
        // No backend is configured in this test runtime, so the connector is absent and says so.
        assertEquals("Sunucu: bağlayıcı yüklü değil", labelWithRole("status.backend").getText());
    }

    @Test
    void theReadersPartShowsWhatTheCardLayerSeesOrSaysThereIsNoReader() {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        CardService cards = context.getService(context.getServiceReference(CardService.class));
        // The registry scans every second; give it two scans to settle on this machine's readers.
        long settle = System.currentTimeMillis() + 2500;
        while (System.currentTimeMillis() < settle) {
            spin();
        }
        List<String> readers = cards.readers().stream().map(view -> view.reader().name()).toList();
        showReaders();
        if (readers.isEmpty()) {
            assertEquals("Bağlı kart okuyucu yok.", labelWithRole("readers.empty").getText());
        } else {
            Table table = (Table) Widgets.findByRole(shell, "readers.table", true);
            waitFor("one row per reader", () -> Arrays.stream(table.getItems()).map(item -> item.getText(0)).toList(), readers);
            assertEquals("kart yok", table.getItem(0).getText(1), "virtual readers hold no card in this test");
            assertEquals(null, Widgets.findByRole(shell, "readers.empty", true));
        }
    }

    @Test
    void theDriversTabListsTheInstalledCardDriverWithVersionAndState() {
        CTabFolder folder = tabFolder();
        MPart drivers = (MPart) modelService.find("org.regdesk.ui.drivers.part.drivers", application);
        // What the stack renderer does on a tab click. Real clicks (Display.post) are not used here:
        // the test harness brings the e4 drag-and-drop addon, whose drag detection swallows them.
        application.getContext().get(EPartService.class).activate(drivers);
        waitFor("Drivers tab selected", () -> folder.getSelection() == folder.getItem(2), true);
        Table table = (Table) Widgets.findByRole(shell, "drivers.table", true);
        assertEquals(List.of("Sürücü", "Paket", "Sürüm", "Durum"),
                Arrays.stream(table.getColumns()).map(TableColumn::getText).toList());
        waitFor("one driver listed", table::getItemCount, 1);
        Bundle pcsc = Arrays.stream(FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles())
                .filter(bundle -> "org.regdesk.card.pcsc".equals(bundle.getSymbolicName())).findFirst().orElseThrow();
        assertEquals(List.of("RegDesk reference card (PC/SC)", "org.regdesk.card.pcsc", pcsc.getVersion().toString()),
                List.of(table.getItem(0).getText(0), table.getItem(0).getText(1), table.getItem(0).getText(2)));
        assertEquals(null, Widgets.findByRole(shell, "drivers.empty", true), "no empty-state text next to a driver");
    }

    @Test
    void stoppingTheDriverBundleWhileTheDeskRunsIsShownAndStartingItAgainRestoresIt() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        Bundle pcsc = Arrays.stream(context.getBundles()).filter(b -> "org.regdesk.card.pcsc".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
        CardService cards = context.getService(context.getServiceReference(CardService.class));
        MPart drivers = (MPart) modelService.find("org.regdesk.ui.drivers.part.drivers", application);
        application.getContext().get(EPartService.class).activate(drivers);
        Table table = (Table) Widgets.findByRole(shell, "drivers.table", true);
        try {
            pcsc.stop();
            waitFor("driver state shown as stopped", () -> table.getItem(0).getText(3), "çözümlendi");
            waitFor("the card layer dropped the PC/SC readers", () -> cards.readers().stream()
                    .anyMatch(view -> view.reader().id().startsWith("pcsc:")), false);
        } finally {
            pcsc.start();
        }
        waitFor("driver state shown as started again", () -> table.getItem(0).getText(3).equals("çözümlendi"), false);
    }

    @Test
    void switchingToEnglishRelabelsTheWindowThePartsAndTheStatusBarInPlace() {
        switchLanguage("en");
        waitFor("English tab labels", this::tabTexts, List.of("Desk", "Readers & cards", "Drivers"));
        waitFor("English window title", shell::getText, "RegDesk - Registry desk");
        assertEquals("Desk operations", labelWithRole("home.title").getText());
        showReaders();
        assertEquals("Card readers and cards", labelWithRole("readers.title").getText());
        assertEquals("Backend: no connector installed", labelWithRole("status.backend").getText());

        switchLanguage("tr");
        waitFor("Turkish tab labels", this::tabTexts, List.of("Masa", "Okuyucular ve kartlar", "Sürücüler"));
        assertEquals("Kart okuyucular ve kartlar", labelWithRole("readers.title").getText());
    }

    @Test
    void theAboutDialogListsEveryInstalledBundleWithItsVersion() {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        Map<String, String> shown = new HashMap<>();
        String[] title = new String[1];
        // The dialog is modal: read and close it from a timer while the command's open() blocks.
        display.timerExec(500, () -> {
            for (Shell candidate : display.getShells()) {
                Control table = Widgets.findByRole(candidate, "about.bundles", true);
                if (table != null) {
                    title[0] = candidate.getText();
                    for (TableItem item : ((Table) table).getItems()) {
                        shown.put(item.getText(0), item.getText(1));
                    }
                    candidate.close();
                }
            }
        });
        execute("org.regdesk.ui.workstation.command.about", Map.of());

        assertEquals("RegDesk hakkında", title[0]);
        assertEquals(context.getBundles().length, shown.size());
        Bundle workstation = FrameworkUtil.getBundle(SwitchLanguageHandler.class);
        assertEquals(workstation.getVersion().toString(), shown.get(workstation.getSymbolicName()));
    }

    private void switchLanguage(String languageTag) {
        execute("org.regdesk.ui.workstation.command.switchlanguage",
                Map.of(SwitchLanguageHandler.LOCALE_PARAMETER, languageTag));
    }

    private void execute(String commandId, Map<String, Object> parameters) {
        Commands.execute(application, commandId, parameters);
        spin();
    }

    /** Parts of a stack are made when first shown: the home part is, the others after a tab change. */
    private void showReaders() {
        application.getContext().get(EPartService.class)
                .activate((MPart) modelService.find("org.regdesk.ui.workstation.part.readers", application));
        spin();
    }

    private CTabFolder tabFolder() {
        MPart home = (MPart) modelService.find("org.regdesk.ui.workstation.part.home", application);
        Control control = (Control) home.getWidget();
        while (!(control instanceof CTabFolder)) {
            control = control.getParent();
        }
        return (CTabFolder) control;
    }

    private List<String> tabTexts() {
        // CTabItem shows '&&' as '&' (mnemonic escaping); compare what the operator sees.
        return Arrays.stream(tabFolder().getItems()).map(item -> item.getText().replace("&&", "&")).toList();
    }

    private Label labelWithRole(String role) {
        Control found = Widgets.findByRole(shell, role, true);
        assertNotNull(found, "no widget with role " + role);
        return (Label) found;
    }

    /** Runs the event loop for a moment; never Display.sleep(), which may wait for an event forever. */
    private void spin() {
        long until = System.currentTimeMillis() + 100;
        while (System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Keeps the event loop running until {@code actual} yields {@code expected}, for at most 10 s. */
    private void waitFor(String what, Supplier<Object> actual, Object expected) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!expected.equals(actual.get())) {
            if (System.currentTimeMillis() > deadline) {
                assertEquals(expected, actual.get(), what + " (waited 10 s)");
            }
            spin();
        }
    }
}
