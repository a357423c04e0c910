package org.regdesk.ui.desk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

/** Drives an open desk wizard as an operator does: buttons pressed, keypads tapped, rows chosen. */
public final class WizardDriver {

    public final WizardDialog dialog;
    private final Display display;

    /** Opens the dialog without blocking; the test keeps the event loop running. */
    public WizardDriver(WizardDialog dialog) {
        this.dialog = dialog;
        this.display = Display.getCurrent();
        dialog.setBlockOnOpen(false);
        dialog.open();
    }

    public void next() {
        press(button(IDialogConstants.NEXT_ID));
        RunningRegistry.pump(display, 100);
    }

    public void finish() {
        press(button(IDialogConstants.FINISH_ID));
        assertTrue(dialog.getShell() == null || dialog.getShell().isDisposed(), "the wizard closed");
    }

    /** Selects the row of {@code table} whose {@code column} reads {@code value}, as a click does. */
    public void choose(String tableRole, int column, String value) {
        Table table = (Table) control(tableRole);
        for (int i = 0; i < table.getItemCount(); i++) {
            if (table.getItem(i).getText(column).equals(value)) {
                table.setSelection(i);
                Event event = new Event();
                event.item = table.getItem(i);
                table.notifyListeners(SWT.Selection, event);
                return;
            }
        }
        throw new AssertionError(value + " is not listed in " + tableRole);
    }

    public void typePin(String keypadRole, String pin) {
        Control keypad = control(keypadRole);
        for (char digit : pin.toCharArray()) {
            press(Widgets.findByRole(keypad, "keypad.digit." + digit, false));
        }
    }

    public void awaitPage(String name) {
        try {
            RunningRegistry.waitUntil(display, "page " + name, () -> name.equals(dialog.getCurrentPage().getName()));
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "; on page " + page() + ": " + errorMessage());
        }
    }

    /** Waits until the wizard's work is done: Finish enabled, on whichever page shows the result. */
    public void awaitDone() {
        try {
            RunningRegistry.waitUntil(display, "the work done (Finish)", () -> button(IDialogConstants.FINISH_ID).isEnabled());
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "; on page " + page() + ": " + errorMessage());
        }
    }

    public void assertPage(String name) {
        assertEquals(name, page(), () -> "on page " + page() + ", error: " + errorMessage());
    }

    public String page() {
        return dialog.getCurrentPage().getName();
    }

    public String errorMessage() {
        return ((WizardPage) dialog.getCurrentPage()).getErrorMessage();
    }

    public Control control(String role) {
        Control found = Widgets.findByRole(dialog.getShell(), role, true);
        assertTrue(found != null, "no visible widget " + role);
        return found;
    }

    public Label label(String role) {
        return (Label) control(role);
    }

    public Text text(String role) {
        return (Text) control(role);
    }

    public Button button(int id) {
        Button found = find(dialog.getShell(), id);
        assertTrue(found != null, "no dialog button " + id);
        return found;
    }

    public void screenshot(String name) throws Exception {
        Screenshots.take(dialog.getShell(), name);
    }

    public void close() {
        if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
    }

    /** The dialog button with this id (IDialogConstants) below {@code control}, or null. */
    public static Button find(Control control, int id) {
        if (control instanceof Button button && Integer.valueOf(id).equals(button.getData())) {
            return button;
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                Button found = find(child, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A click as the widget sees it: radio buttons and check boxes change first, as GTK does. */
    public static void press(Control control) {
        assertTrue(control.isEnabled(), () -> control + " is disabled");
        if (control instanceof Button check && (check.getStyle() & SWT.CHECK) != 0) {
            check.setSelection(!check.getSelection());
        }
        if (control instanceof Button button && (button.getStyle() & SWT.RADIO) != 0) {
            for (Control sibling : button.getParent().getChildren()) {
                if (sibling instanceof Button other && (other.getStyle() & SWT.RADIO) != 0) {
                    other.setSelection(other == button);
                }
            }
        }
        control.notifyListeners(SWT.Selection, new Event());
    }
}
