package org.regdesk.ui.workstation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.card.api.CardSession;
import org.regdesk.server.store.DemoData;
import org.regdesk.ui.desk.testing.Commands;
import org.regdesk.ui.desk.testing.DeskEndToEnd;
import org.regdesk.ui.desk.testing.RunningRegistry;
import org.regdesk.ui.desk.testing.Widgets;
import org.regdesk.ui.workstation.dialogs.SignInDialog;
import org.regdesk.ui.workstation.signin.OperatorCard;

/**
 * An operator signs in with their own card (a virtual card behind pcscd whose certificate the registry has enrolled for
 * operator1): a wrong PIN is shown in the dialog with the tries left, the right one signs the challenge on the card and
 * the operator is signed in; pulling the card signs them out, at the registry too, and says so.
 */
class OperatorCardSignInTest extends DeskEndToEnd {

    private static final String PIN = "583104";

    @Test
    void theOperatorSignsInWithTheCardAndPullingItSignsThemOut() throws Exception {
        insertCard(DemoData.DEMO_CARD, "ELİF DEMİR", DemoData.AYSE.value());
        DemoCardPin.give(registry, cards, PIN);
        try (CardSession session = cards.open(DemoData.DEMO_CARD)) {
            registry.enrolOperatorCard("operator1", session.certificates().get(0).certificate());
        }
        registry.connector.signOut();
        application.getContext().remove(OperatorSignedIn.class);

        List<String> errors = new ArrayList<>();
        SignInDialogs.whenOpen(display, dialogShell -> {
            SignInDialog dialog = (SignInDialog) dialogShell.getData();
            ((Text) Widgets.findByRole(dialogShell, "signIn.pin", false)).setText("000000");
            press((Button) Widgets.findByRole(dialogShell, "signIn.withCard", false));
            errors.add(dialog.getErrorMessage());
            ((Text) Widgets.findByRole(dialogShell, "signIn.pin", false)).setText(PIN);
            press((Button) Widgets.findByRole(dialogShell, "signIn.withCard", false));
        });
        Commands.execute(application, "org.regdesk.ui.workstation.command.signin", null);

        assertEquals(List.of("PIN yanlış. Kalan deneme: 2"), errors);
        OperatorSignedIn operator = application.getContext().get(OperatorSignedIn.class);
        assertNotNull(operator, "signed in with the card");
        assertEquals("operator1", operator.username());
        assertEquals(new OperatorCard(DemoData.DEMO_CARD), application.getContext().get(OperatorCard.class));
        assertTrue(operatorSteps().contains("OPERATOR_SIGN_IN OK"));

        List<String> told = new ArrayList<>();
        display.timerExec(500, () -> closeInformation(told));
        card.remove();
        RunningRegistry.waitUntil(display, "the operator signed out with the card gone",
                () -> application.getContext().get(OperatorSignedIn.class) == null && !told.isEmpty());
        assertEquals(List.of("Operatör kartınız çıkarıldı: oturumunuz kapatıldı. Kartı takıp yeniden giriş yapın."), told);
        RunningRegistry.waitUntil(display, "the registry to end the session",
                () -> operatorSteps().contains("OPERATOR_SIGN_OUT OK"));
        card.insert();
        awaitCard(DemoData.DEMO_CARD);
    }

    /** Closes the message that says the operator was signed out, keeping its text; looks again until it is there. */
    private void closeInformation(List<String> told) {
        for (Shell candidate : display.getShells()) {
            for (Shell child : candidate.getShells()) {
                String text = labels(child).stream().filter(t -> t.contains("kartınız çıkarıldı")).findFirst().orElse(null);
                if (text != null) {
                    told.add(text);
                    child.close();
                    return;
                }
            }
        }
        display.timerExec(200, () -> closeInformation(told));
    }

    private static List<String> labels(org.eclipse.swt.widgets.Composite composite) {
        List<String> texts = new ArrayList<>();
        for (org.eclipse.swt.widgets.Control control : composite.getChildren()) {
            if (control instanceof org.eclipse.swt.widgets.Label label) {
                texts.add(label.getText());
            } else if (control instanceof org.eclipse.swt.widgets.Composite inner) {
                texts.addAll(labels(inner));
            }
        }
        return texts;
    }

    private static void press(Button button) {
        button.notifyListeners(SWT.Selection, new Event());
    }

    /** The audit steps, or none while the export cannot be read (waited on in a loop). */
    private List<String> operatorSteps() {
        try {
            return auditSteps("OPERATOR");
        } catch (Exception e) {
            return List.of();
        }
    }
}
