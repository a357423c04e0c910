package org.regdesk.ui.workstation.wizards;

import java.time.Instant;
import java.util.function.Supplier;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.ui.workstation.l10n.Messages;
import org.regdesk.ui.workstation.parts.ReadersPart;

/**
 * A wizard dialog with the desk session's "Kalan Süre" beside its buttons, counted down every second
 * from the backend's expiry time while a session is open, and buttons in the workstation's language.
 */
public class SessionWizardDialog extends WizardDialog {

    private final Messages messages;
    private final Supplier<Instant> expiresAt;
    private Label countdown;

    public SessionWizardDialog(Shell parent, IWizard wizard, Messages messages, Supplier<Instant> expiresAt) {
        super(parent, wizard);
        this.messages = messages;
        this.expiresAt = expiresAt;
    }

    @Override
    protected Control createButtonBar(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        bar.setLayout(layout);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        countdown = new Label(bar, SWT.NONE);
        countdown.setData(ReadersPart.ROLE, "wizard.session.countdown");
        GridData left = new GridData(SWT.BEGINNING, SWT.CENTER, true, false);
        left.horizontalIndent = 10;
        countdown.setLayoutData(left);
        Control buttons = super.createButtonBar(bar);
        tick();
        return buttons;
    }

    /** JFace has no Turkish texts of its own: the buttons speak the workstation's language. */
    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        relabel(IDialogConstants.BACK_ID, messages.wizard_back);
        relabel(IDialogConstants.NEXT_ID, messages.wizard_next);
        relabel(IDialogConstants.FINISH_ID, messages.wizard_finish);
        relabel(IDialogConstants.CANCEL_ID, messages.wizard_cancel);
    }

    private void relabel(int id, String text) {
        Button button = getButton(id);
        if (button != null) {
            button.setText(text);
        }
    }

    /** The countdown changes with the page too (a session opens or ends), not only every second. */
    @Override
    public void updateButtons() {
        super.updateButtons();
        if (countdown != null && !countdown.isDisposed()) {
            show();
        }
    }

    private void tick() {
        if (countdown.isDisposed()) {
            return;
        }
        show();
        countdown.getDisplay().timerExec(1000, this::tick);
    }

    private void show() {
        Instant expiry = expiresAt.get();
        if (expiry == null) {
            countdown.setText("");
        } else {
            countdown.setText(Messages.format(messages.wizard_sessionCountdown, Messages.timeLeft(expiry)));
            boolean lastMinute = Instant.now().plusSeconds(60).isAfter(expiry);
            countdown.setForeground(lastMinute ? countdown.getDisplay().getSystemColor(SWT.COLOR_RED) : null);
        }
        countdown.getParent().layout(true);
    }
}
