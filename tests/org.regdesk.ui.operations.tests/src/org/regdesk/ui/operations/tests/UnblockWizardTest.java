package org.regdesk.ui.operations.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.card.api.CardService;
import org.regdesk.server.store.DemoData;
import org.regdesk.ui.desk.testing.Commands;
import org.regdesk.ui.desk.testing.RunningRegistry;
import org.regdesk.ui.desk.testing.Widgets;

/**
 * The first two steps of "PIN Oluşturma / Kilit Çözme" against a real server: the code is checked
 * before it is sent, an unknown code is refused in Turkish and the operator stays on the page, the
 * citizen's own code opens the session and the card page lists every reader with why it can or cannot
 * be chosen.
 */
class UnblockWizardTest {

    private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
    private Display display;
    private MApplication application;
    private RunningRegistry registry;

    @BeforeEach
    void startAndSignIn() throws Exception {
        display = Display.getCurrent();
        application = context.getService(context.getServiceReference(IWorkbench.class)).getApplication();
        registry = new RunningRegistry(context, display);
        OperatorSignedIn operator = registry.connector.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
        application.getContext().set(OperatorSignedIn.class, operator);
    }

    @AfterEach
    void stop() throws Exception {
        application.getContext().remove(OperatorSignedIn.class);
        registry.close();
    }

    @Test
    void anUnknownCodeIsRefusedOnThePageAndTheCitizensCodeLeadsToTheCardChoice() {
        String code = registry.verificationCode(DemoData.AYSE, "PIN_UNBLOCK");
        int readers = context.getService(context.getServiceReference(CardService.class)).readers().size();
        List<Object> seen = new ArrayList<>();
        display.timerExec(300, () -> {
            Shell shell = wizardShell();
            WizardDialog dialog = (WizardDialog) shell.getData();
            Text field = (Text) Widgets.findByRole(shell, "wizard.code", false);
            field.setText("12345");
            seen.add(dialog.getCurrentPage().isPageComplete());
            seen.add(((org.eclipse.jface.wizard.WizardPage) dialog.getCurrentPage()).getErrorMessage());
            field.setText("123456789012345"); // well-formed, but nobody's code
            dialog.showPage(dialog.getCurrentPage().getWizard().getPage("card"));
            seen.add(dialog.getCurrentPage().getName());
            seen.add(((org.eclipse.jface.wizard.WizardPage) dialog.getCurrentPage()).getErrorMessage());
            field.setText(code.substring(0, 5) + " " + code.substring(5, 10) + " " + code.substring(10)); // as read out
            dialog.showPage(dialog.getCurrentPage().getWizard().getPage("card"));
            seen.add(dialog.getCurrentPage().getName());
            seen.add(((Label) Widgets.findByRole(shell, "wizard.citizen", false)).getText());
            Table cards = (Table) Widgets.findByRole(shell, "wizard.cards", false);
            seen.add(cards.getItemCount());
            seen.add(dialog.getCurrentPage().isPageComplete());
            dialog.close();
        });
        Commands.execute(application, "org.regdesk.ui.unblock.command.unblock", null);

        assertEquals(List.of(false, "Kod 15 hanelidir.", "identity", "Doğrulama kodu bulunamadı. Kodu kontrol edin.", "card",
                "Vatandaş: AYŞE YILMAZ (10000000146)", readers, false), seen);
    }

    private Shell wizardShell() {
        for (Shell candidate : display.getShells()) {
            for (Shell child : candidate.getShells()) {
                if (child.getData() instanceof WizardDialog) {
                    return child;
                }
            }
        }
        throw new AssertionError("the wizard is not open");
    }

}
