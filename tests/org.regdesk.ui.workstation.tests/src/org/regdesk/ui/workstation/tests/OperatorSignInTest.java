package org.regdesk.ui.workstation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.ui.desk.testing.Commands;
import org.regdesk.ui.desk.testing.RunningRegistry;
import org.regdesk.ui.desk.testing.Widgets;
import org.regdesk.ui.workstation.dialogs.SignInDialog;

/**
 * An operator signs in from the File menu against a real regdesk-server (demo registry, embedded H2)
 * over mutual TLS with the desk certificate: a wrong password is shown in the dialog, the right one
 * puts the operator into the status bar, signing out clears it.
 */
class OperatorSignInTest {

    private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
    private Display display;
    private MApplication application;
    private Shell shell;
    private RunningRegistry registry;

    @BeforeEach
    void startTheServerAndConnectThisDesk() throws Exception {
        display = Display.getCurrent();
        IWorkbench workbench = context.getService(context.getServiceReference(IWorkbench.class));
        application = workbench.getApplication();
        org.eclipse.e4.ui.workbench.modeling.EModelService models = application.getContext()
                .get(org.eclipse.e4.ui.workbench.modeling.EModelService.class);
        shell = (Shell) ((org.eclipse.e4.ui.model.application.ui.basic.MWindow) models
                .find("org.regdesk.ui.workstation.window.main", application)).getWidget();
        registry = new RunningRegistry(context, display);
    }

    @AfterEach
    void stop() throws Exception {
        application.getContext().remove(OperatorSignedIn.class);
        registry.close();
    }

    @Test
    void aWrongPasswordIsShownInTheDialogAndTheRightOneSignsTheOperatorIn() {
        waitUntil("the operator status", () -> label("status.operator") != null);
        assertEquals("Operatör: giriş yapılmadı", label("status.operator").getText());
        List<String> errors = new ArrayList<>();
        SignInDialogs.whenOpen(display, dialogShell -> {
            SignInDialog dialog = (SignInDialog) dialogShell.getData();
            text(dialogShell, "signIn.username").setText("operator1");
            text(dialogShell, "signIn.password").setText("wrong");
            press(dialogShell.getDefaultButton());
            errors.add(dialog.getErrorMessage());
            text(dialogShell, "signIn.password").setText("regdesk-demo");
            press(dialogShell.getDefaultButton());
        });
        Commands.execute(application, "org.regdesk.ui.workstation.command.signin", null);

        assertEquals(List.of("Kullanıcı adı veya parola yanlış."), errors);
        OperatorSignedIn operator = application.getContext().get(OperatorSignedIn.class);
        assertNotNull(operator, "the operator is in the application context");
        assertEquals("DESK-001", operator.desk());
        waitUntil("the status bar", () -> label("status.operator").getText().equals("Operatör: Elif Demir (operatör), DESK-001"));

        Commands.execute(application, "org.regdesk.ui.workstation.command.signout", null);
        assertNull(application.getContext().get(OperatorSignedIn.class));
        waitUntil("the status bar after sign-out", () -> label("status.operator").getText().equals("Operatör: giriş yapılmadı"));
    }

    private static void press(Button button) {
        button.notifyListeners(SWT.Selection, new Event());
    }

    private Label label(String role) {
        return (Label) Widgets.findByRole(shell, role, false);
    }

    private static Text text(Shell dialog, String role) {
        return (Text) Widgets.findByRole(dialog, role, false);
    }

    private void waitUntil(String what, BooleanSupplier condition) {
        RunningRegistry.waitUntil(display, what, condition);
    }
}
