package org.regdesk.ui.operations.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MCommand;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.desk.DeskApi;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.server.store.DemoData;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.WidgetRoles;
import org.regdesk.ui.desk.testing.RunningRegistry;

/**
 * The workstation started without the E-Onay and certificate-application features but with the PIN
 * operation and a test-only operation that no core code names: the desk shows exactly what is installed,
 * in the menu and on the home part, and the test-only operation's button and server route work.
 */
class OperationsArePlugInsTest {

    private static final String HOME_BUTTON = "home.operation.";
    private static final String UNBLOCK_ITEM = "org.regdesk.ui.unblock.menuitem.unblock";
    private static final String EXAMPLE_ITEM = "org.regdesk.ui.operation.example.menuitem.example";

    private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
    private Display display;
    private MApplication application;
    private EModelService models;
    private RunningRegistry registry;

    @BeforeEach
    void onTheDesk() {
        display = Display.getCurrent();
        application = context.getService(context.getServiceReference(IWorkbench.class)).getApplication();
        models = application.getContext().get(EModelService.class);
        application.getContext().get(EPartService.class)
                .activate((MPart) models.find("org.regdesk.ui.workstation.part.home", application));
    }

    @AfterEach
    void signOut() throws Exception {
        application.getContext().remove(OperatorSignedIn.class);
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void theMenuAndTheHomePartListTheInstalledOperationsAndNothingElse() {
        assertTrue(installed("org.regdesk.ui.unblock") && installed("org.regdesk.ui.operation.example"));
        assertFalse(installed("org.regdesk.ui.eonay") || installed("org.regdesk.ui.applications"), "this desk has no E-Onay");

        MMenu operations = models.findElements(application, "org.regdesk.ui.workstation.menu.operations", MMenu.class, null,
                EModelService.IN_MAIN_MENU).get(0);
        assertEquals(Set.of(UNBLOCK_ITEM, EXAMPLE_ITEM),
                Set.copyOf(operations.getChildren().stream().map(MMenuElement::getElementId).toList()));
        List<String> commands = application.getCommands().stream().map(MCommand::getElementId).toList();
        assertFalse(commands.stream().anyMatch(id -> id.contains("eonay") || id.contains("applications")), commands.toString());

        assertEquals(new TreeSet<>(List.of(HOME_BUTTON + EXAMPLE_ITEM, HOME_BUTTON + UNBLOCK_ITEM)), homeButtonRoles());
        assertTrue(homeButton(UNBLOCK_ITEM).getText().startsWith("PIN Oluşturma / Kilit Çözme"), homeButton(UNBLOCK_ITEM).getText());
        assertTrue(homeButton(UNBLOCK_ITEM).getText().endsWith("(F2)"), homeButton(UNBLOCK_ITEM).getText());
        assertTrue(homeButton(EXAMPLE_ITEM).getText().startsWith("Örnek İşlem"), homeButton(EXAMPLE_ITEM).getText());
        assertTrue(homeButton(EXAMPLE_ITEM).getText().endsWith("(F9)"), homeButton(EXAMPLE_ITEM).getText());
    }

    @Test
    void theTestOnlyOperationRunsFromItsHomeButtonForASignedInOperatorAndItsRouteServesDesksOnly() throws Exception {
        assertFalse(homeButton(EXAMPLE_ITEM).isEnabled(), "nobody signed in: no operation");
        registry = new RunningRegistry(context, display);
        application.getContext().set(OperatorSignedIn.class,
                registry.connector.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray()));
        RunningRegistry.waitUntil(display, "the home part to enable the operation", () -> homeButton(EXAMPLE_ITEM).isEnabled());

        homeButton(EXAMPLE_ITEM).notifyListeners(SWT.Selection, new Event());
        Shell dialog = shellWithRole("example.dialog");
        assertEquals("Örnek işlem çalıştı.", text(dialog));
        dialog.close();

        HttpResponse<String> asDesk = registry.get("/api/v1/operations/example", true);
        assertEquals(200, asDesk.statusCode(), asDesk.body());
        assertTrue(asDesk.body().contains("\"operation\":\"EXAMPLE\"") && asDesk.body().contains("DESK-001"), asDesk.body());
        HttpResponse<String> asAnyone = registry.get("/api/v1/operations/example", false);
        assertEquals(401, asAnyone.statusCode(), asAnyone.body());
        assertTrue(asAnyone.body().contains("DESK_CERTIFICATE_REQUIRED"), asAnyone.body());
    }

    @Test
    void anOperationLeavesAndArrivesWithItsBundleWhileTheDeskRuns() throws Exception {
        Bundle example = bundle("org.regdesk.ui.operation.example");
        example.stop();
        try {
            RunningRegistry.waitUntil(display, "the example's menu entry and home button to go",
                    () -> !menuItems().contains(EXAMPLE_ITEM) && !homeButtonRoles().contains(HOME_BUTTON + EXAMPLE_ITEM));
            assertEquals(Set.of(UNBLOCK_ITEM), Set.copyOf(menuItems()), "the other operation stays");
            assertEquals(Set.of(HOME_BUTTON + UNBLOCK_ITEM), homeButtonRoles());
        } finally {
            example.start(Bundle.START_ACTIVATION_POLICY);
        }
        RunningRegistry.waitUntil(display, "the example to come back with its key",
                () -> homeButtonRoles().contains(HOME_BUTTON + EXAMPLE_ITEM) && homeButton(EXAMPLE_ITEM).getText().endsWith("(F9)"));
        assertEquals(Set.of(UNBLOCK_ITEM, EXAMPLE_ITEM), Set.copyOf(menuItems()));
    }

    private List<String> menuItems() {
        MMenu operations = models.findElements(application, "org.regdesk.ui.workstation.menu.operations", MMenu.class, null,
                EModelService.IN_MAIN_MENU).get(0);
        return operations.getChildren().stream().filter(MUIElement::isToBeRendered).map(MMenuElement::getElementId).toList();
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    @Test
    void theTestOnlyOperationBringsItsSessionPurposeAndWhoMayServeItAndTheDeskSaysTheRefusalInTurkish() throws Exception {
        registry = new RunningRegistry(context, display);
        registry.connector.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
        String code = registry.verificationCode(DemoData.AYSE, "EXAMPLE");
        RegistryException refused = assertThrows(RegistryException.class,
                () -> registry.connector.openSession(new OpenSessionRequest("EXAMPLE", code, null, null)));
        assertEquals("ROLE_NOT_ALLOWED", refused.code(), "the plug-in's rule: supervisors only");
        DeskMessages turkish = new DeskMessages();
        turkish.language = "tr";
        assertEquals("Bu işlemi operatör rolündeki bir kullanıcı yapamaz.", turkish.refusal(refused),
                "the desk translates the code and its parameter; the server sent only " + refused.getMessage());

        registry.connector.signIn("supervisor1", DemoData.OPERATOR_PASSWORD.toCharArray());
        DeskSession session = registry.connector.openSession(new OpenSessionRequest("EXAMPLE", code, null, null));
        assertEquals("EXAMPLE", session.purpose());
        // the operation's own step, through the connector's generic channel: no connector method for it
        DeskApi api = context.getService(context.getServiceReference(DeskApi.class));
        String step = "desk-sessions/" + session.sessionId() + "/example";
        assertEquals("COMPLETED", api.post(step, Map.of(), Map.class).get("state"));
        assertTrue(registry.auditLog().contains("EXAMPLE_STEP"), "the plug-in's own audit action is in the trail");
        RegistryException again = assertThrows(RegistryException.class, () -> api.post(step, Map.of(), Map.class));
        assertEquals(409, again.status());
        assertEquals("SESSION_CLOSED", again.code());
        assertEquals("Bu masa oturumu kapandı: işlem tamamlandı. Yeni bir işlem için yeniden başlayın.", turkish.refusal(again));
    }

    private boolean installed(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return true;
            }
        }
        return false;
    }

    private Composite home() {
        return (Composite) ((MPart) models.find("org.regdesk.ui.workstation.part.home", application)).getWidget();
    }

    private Set<String> homeButtonRoles() {
        Set<String> roles = new TreeSet<>();
        collect(home(), roles);
        return roles;
    }

    private static void collect(Control control, Set<String> roles) {
        if (control.getData(WidgetRoles.KEY) instanceof String role && role.startsWith(HOME_BUTTON)) {
            roles.add(role);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, roles);
            }
        }
    }

    private Button homeButton(String menuItem) {
        return (Button) org.regdesk.ui.desk.testing.Widgets.findByRole(home(), HOME_BUTTON + menuItem, false);
    }

    private Shell shellWithRole(String role) {
        Shell[] found = new Shell[1];
        RunningRegistry.waitUntil(display, "a shell with role " + role, () -> {
            List<Shell> all = new ArrayList<>(List.of(display.getShells()));
            for (Shell top : display.getShells()) {
                all.addAll(List.of(top.getShells()));
            }
            found[0] = all.stream().filter(shell -> role.equals(shell.getData(WidgetRoles.KEY))).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** The message of a JFace message dialog: the only wrapping label in it with text. */
    private static String text(Control control) {
        if (control instanceof org.eclipse.swt.widgets.Label label && (label.getStyle() & SWT.WRAP) != 0 && !label.getText().isEmpty()) {
            return label.getText();
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                String found = text(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
