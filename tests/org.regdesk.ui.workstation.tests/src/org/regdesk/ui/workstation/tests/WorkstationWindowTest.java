package org.regdesk.ui.workstation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.regdesk.ui.workstation.handlers.SwitchLanguageHandler;

/**
 * The workstation as an operator meets it: the main window, its two parts, the status bar, real
 * mouse clicks on the tabs, and the language switch from Turkish to English and back.
 */
class WorkstationWindowTest {

    private static final String ROLE = "org.regdesk.role";

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
        waitFor(() -> shell.isVisible());
    }

    @AfterEach
    void backToTurkish() {
        switchLanguage("tr");
    }

    @Test
    void theMainWindowOpensInTurkishWithBothPartsAndTheStatusBar() {
        assertEquals("RegDesk - Kayıt masası", shell.getText());
        assertEquals(List.of("Okuyucular ve kartlar", "Sürücüler"), tabTexts());
        MPart readers = (MPart) modelService.find("org.regdesk.ui.workstation.part.readers", application);
        assertNotNull(readers.getObject(), "the Readers & cards part is created at start-up");
        assertEquals("Bağlı kart okuyucu yok.", labelWithRole("readers.empty").getText());
        // No backend is configured in this test runtime, so the connector is absent and says so.
        assertEquals("Sunucu: bağlayıcı yüklü değil", labelWithRole("status.backend").getText());
    }

    @Test
    void clickingTheDriversTabShowsTheDriverListWithItsEmptyState() {
        CTabFolder folder = tabFolder();
        CTabItem driversTab = folder.getItem(1);
        click(folder, driversTab.getBounds());
        waitFor(() -> folder.getSelection() == driversTab);
        waitFor(() -> findByRole(shell, "drivers.empty") != null);
        assertTrue(labelWithRole("drivers.empty").getText().startsWith("Yüklü kart sürücüsü yok."));

        click(folder, folder.getItem(0).getBounds());
        waitFor(() -> folder.getSelection() == folder.getItem(0));
    }

    @Test
    void switchingToEnglishRelabelsTheWindowThePartsAndTheStatusBarInPlace() {
        switchLanguage("en");
        waitFor(() -> "RegDesk - Registry desk".equals(shell.getText()));
        waitFor(() -> tabTexts().equals(List.of("Readers & cards", "Drivers")));
        assertEquals("No card reader is connected.", labelWithRole("readers.empty").getText());
        assertEquals("Backend: no connector installed", labelWithRole("status.backend").getText());

        switchLanguage("tr");
        waitFor(() -> tabTexts().equals(List.of("Okuyucular ve kartlar", "Sürücüler")));
        assertEquals("Bağlı kart okuyucu yok.", labelWithRole("readers.empty").getText());
    }

    private void switchLanguage(String languageTag) {
        IEclipseContext context = application.getContext();
        ParameterizedCommand command = context.get(ECommandService.class).createCommand(
                "org.regdesk.ui.workstation.command.switchlanguage",
                Map.of(SwitchLanguageHandler.LOCALE_PARAMETER, languageTag));
        context.get(EHandlerService.class).executeHandler(command);
        spin();
    }

    private CTabFolder tabFolder() {
        MPart readers = (MPart) modelService.find("org.regdesk.ui.workstation.part.readers", application);
        Control control = (Control) readers.getWidget();
        while (!(control instanceof CTabFolder)) {
            control = control.getParent();
        }
        return (CTabFolder) control;
    }

    private List<String> tabTexts() {
        return Arrays.stream(tabFolder().getItems()).map(CTabItem::getText).toList();
    }

    private Label labelWithRole(String role) {
        Control found = findByRole(shell, role);
        assertNotNull(found, "no widget with role " + role);
        return (Label) found;
    }

    private static Control findByRole(Control control, String role) {
        if (role.equals(control.getData(ROLE)) && control.isVisible()) {
            return control;
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                Control found = findByRole(child, role);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A real click through the window system (Display.post), not a synthetic SWT event. */
    private void click(Control control, Rectangle bounds) {
        shell.forceActive();
        spin();
        Point center = control.toDisplay(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
        post(SWT.MouseMove, center, 0);
        post(SWT.MouseDown, center, 1);
        post(SWT.MouseUp, center, 1);
        spin();
    }

    private void post(int type, Point location, int button) {
        Event event = new Event();
        event.type = type;
        event.x = location.x;
        event.y = location.y;
        event.button = button;
        assertTrue(display.post(event), "Display.post failed");
        spin();
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

    private void waitFor(BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("UI did not reach the expected state within 10 s");
            }
            spin();
        }
    }
}
