package org.regdesk.ui.workstation.tests;

import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.ui.workstation.dialogs.SignInDialog;

/**
 * Drives the sign-in dialog a command opens (modally, so from a timer): waits until it is open, however long the
 * machine takes to build it, then hands its shell to the test.
 */
final class SignInDialogs {

    private static final int TRIES = 200;

    private SignInDialogs() {
    }

    /** Runs {@code action} on the dialog's shell once it is open; call before the command that opens it. */
    static void whenOpen(Display display, Consumer<Shell> action) {
        poll(display, action, TRIES);
    }

    private static void poll(Display display, Consumer<Shell> action, int triesLeft) {
        display.timerExec(100, () -> {
            Shell dialog = open(display);
            if (dialog != null) {
                try {
                    action.accept(dialog);
                } catch (RuntimeException | AssertionError failed) {
                    dialog.close(); // the command returns and the test fails, instead of waiting on the dialog forever
                    throw failed;
                }
            } else if (triesLeft > 0) {
                poll(display, action, triesLeft - 1);
            } else {
                throw new AssertionError("the sign-in dialog did not open within 20 s");
            }
        });
    }

    private static Shell open(Display display) {
        // the dialog's parent is the active shell, which is none when no window has the focus: then it is a top-level shell
        for (Shell candidate : display.getShells()) {
            if (candidate.getData() instanceof SignInDialog && candidate.isVisible()) {
                return candidate;
            }
            for (Shell child : candidate.getShells()) {
                if (child.getData() instanceof SignInDialog && child.isVisible()) {
                    return child;
                }
            }
        }
        return null;
    }
}
