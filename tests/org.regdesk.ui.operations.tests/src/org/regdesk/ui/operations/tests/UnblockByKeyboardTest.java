package org.regdesk.ui.operations.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.regdesk.server.store.DemoData;
import org.regdesk.ui.desk.testing.DeskEndToEnd;
import org.regdesk.ui.desk.testing.Keys;
import org.regdesk.ui.desk.testing.UiStalls;
import org.regdesk.ui.desk.testing.WizardDriver;

/**
 * An operator-assisted PIN creation done with the keyboard alone, as at a desk with no mouse: F2 on the
 * main window, the code and Enter, Enter on the citizen's only card, the PIN, Enter, the PIN again, Enter,
 * the SMS code and Enter, then Enter on Finish. Every key goes through the window system. The screens the
 * wizard showed are counted: at most five.
 */
class UnblockByKeyboardTest extends DeskEndToEnd {

    private static final String NEW_PIN = "482915";

    @Test
    void aPinIsCreatedWithKeysOnlyInFiveScreens() throws Exception {
        insertCard(DemoData.DEMO_CARD, "AYŞE YILMAZ", DemoData.AYSE.value());
        String code = registry.verificationCode(DemoData.AYSE, "PIN_UNBLOCK");
        Shell main = (Shell) ((MWindow) application.getContext().get(EModelService.class)
                .find("org.regdesk.ui.workstation.window.main", application)).getWidget();
        main.forceActive();
        main.forceFocus();

        List<String> screens = new ArrayList<>();
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread operator = new Thread(() -> {
            try {
                Keys.press(display, SWT.F2);
                awaitOnUi("the wizard", () -> wizardDialog() != null);
                screens.add(onUi(this::page));
                Keys.type(display, code);
                Keys.enter(display);
                awaitPage("card", screens);
                Keys.enter(display); // the only card of the citizen in a reader is already chosen
                awaitPage("pin", screens);
                Keys.type(display, NEW_PIN);
                Keys.enter(display); // on to the second entry
                Keys.type(display, NEW_PIN);
                awaitOnUi("the PIN accepted", () -> wizardDialog().getCurrentPage().isPageComplete());
                Keys.enter(display);
                awaitPage("sms", screens);
                Keys.type(display, registry.lastSmsCode());
                Keys.enter(display);
                awaitPage("write", screens);
                awaitOnUi("Finish", () -> finish().isEnabled());
                // what the last key does, should it not close the wizard
                Listener record = event -> seen.add(event.type + ":" + event.detail + "@" + event.widget);
                display.syncExec(() -> {
                    for (int type : new int[] { SWT.KeyDown, SWT.Traverse, SWT.Selection }) {
                        display.addFilter(type, record);
                    }
                });
                Keys.enter(display);
                try {
                    awaitOnUi("the wizard to close", () -> wizardDialog() == null);
                } catch (AssertionError stillOpen) {
                    throw new AssertionError(stillOpen.getMessage() + "; events after Enter: " + seen, stillOpen);
                }
                display.syncExec(() -> {
                    for (int type : new int[] { SWT.KeyDown, SWT.Traverse, SWT.Selection }) {
                        display.removeFilter(type, record);
                    }
                });
            } catch (Throwable e) {
                failure.set(e);
                display.asyncExec(() -> {
                    if (wizardDialog() != null) {
                        wizardDialog().close();
                    }
                });
            }
        }, "operator-at-the-keyboard");
        try (UiStalls stalls = UiStalls.watch(display, "PIN creation by keyboard")) {
            operator.start();
            while (operator.isAlive()) {
                if (!display.readAndDispatch()) {
                    Thread.sleep(5);
                }
            }
        }
        if (failure.get() != null) {
            throw new AssertionError("on screens " + screens + ": " + failure.get(), failure.get());
        }
        assertEquals(List.of("identity", "card", "pin", "sms", "write"), screens, "five screens, in this order");
        assertCardTakes(DemoData.DEMO_CARD, NEW_PIN);
        assertTrue(auditSteps("SESSION|OTP|UNBLOCK").contains("UNBLOCK_COMPLETE SUCCEEDED"));
    }

    private WizardDialog wizardDialog() {
        for (Shell top : display.getShells()) {
            for (Shell child : top.getShells()) {
                if (child.getData() instanceof WizardDialog dialog && !child.isDisposed() && child.isVisible()) {
                    return dialog;
                }
            }
        }
        return null;
    }

    private String page() {
        return wizardDialog().getCurrentPage().getName();
    }

    private Button finish() {
        return WizardDriver.find(wizardDialog().getShell(), IDialogConstants.FINISH_ID);
    }

    private void awaitPage(String name, List<String> screens) throws InterruptedException {
        awaitOnUi("screen " + name, () -> name.equals(page()));
        screens.add(name);
    }

    private <T> T onUi(Supplier<T> query) {
        AtomicReference<T> answer = new AtomicReference<>();
        display.syncExec(() -> answer.set(query.get()));
        return answer.get();
    }

    private void awaitOnUi(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!onUi(() -> condition.getAsBoolean())) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("waited 30 s for " + what + onUi(() -> (wizardDialog() == null ? ""
                        : " on screen " + page() + ": " + wizardDialog().getErrorMessage()) + "; keyboard focus on "
                        + display.getFocusControl() + " in " + display.getActiveShell()));
            }
            Thread.sleep(20);
        }
    }
}
