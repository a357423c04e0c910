package org.regdesk.ui.desk;

import java.time.Instant;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * A desk wizard's dialog: the session's remaining time beside the buttons, counted down every second
 * from the backend's expiry time while a session is open (at 00:00 the wizard starts over without waiting
 * for a click), buttons in the desk's language, and no Cancel once the work is done.
 */
class SessionWizardDialog extends WizardDialog {

    private final DeskSessionWizard wizard;
    private Label countdown;

    SessionWizardDialog(Shell parent, DeskSessionWizard wizard) {
        super(parent, wizard);
        this.wizard = wizard;
    }

    @Override
    protected Control createButtonBar(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        bar.setLayout(layout);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        countdown = WidgetRoles.tag(new Label(bar, SWT.NONE), "wizard.session.countdown");
        GridData left = new GridData(SWT.BEGINNING, SWT.CENTER, true, false);
        left.horizontalIndent = 10;
        countdown.setLayoutData(left);
        Control buttons = super.createButtonBar(bar);
        tick();
        return buttons;
    }

    /** JFace has no Turkish texts of its own: the buttons speak the desk's language. */
    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        relabel(IDialogConstants.BACK_ID, wizard.desk.wizard_back);
        relabel(IDialogConstants.NEXT_ID, wizard.desk.wizard_next);
        relabel(IDialogConstants.FINISH_ID, wizard.desk.wizard_finish);
        relabel(IDialogConstants.CANCEL_ID, wizard.desk.wizard_cancel);
        // Enter on a focused Finish closes, whatever the shell's default button is then: after the card
        // write's progress run, Enter on the focused Finish arrived as a key but was not taken as the
        // default button's (seen under Xvfb: the Traverse went up to the shell, no Selection followed)
        Button finish = getButton(IDialogConstants.FINISH_ID);
        finish.addListener(SWT.KeyDown, event -> {
            if ((event.keyCode == SWT.CR || event.keyCode == SWT.KEYPAD_CR) && finish.isEnabled()) {
                event.doit = false;
                finish.getDisplay().asyncExec(() -> {
                    if (!finish.isDisposed() && finish.isEnabled()) {
                        finishPressed();
                    }
                });
            }
        });
    }

    private void relabel(int id, String text) {
        Button button = getButton(id);
        if (button != null) {
            button.setText(text);
        }
    }

    /** The countdown and Cancel change with the page too (a session opens or ends), not only every second. */
    @Override
    public void updateButtons() {
        super.updateButtons();
        Button next = getButton(IDialogConstants.NEXT_ID);
        if (next != null) {
            String label = getCurrentPage() instanceof NamedNextStep named ? named.nextLabel() : wizard.desk.wizard_next;
            if (!label.equals(next.getText())) {
                next.setText(label);
                next.getParent().layout(true);
            }
        }
        Button cancel = getButton(IDialogConstants.CANCEL_ID);
        if (cancel != null && wizard.isCompleted() && cancel.isEnabled()) {
            cancel.setEnabled(false);
            // Finish has the focus: Enter closes, whatever had the focus on the last page is gone
            Button finish = getButton(IDialogConstants.FINISH_ID);
            getShell().setDefaultButton(finish);
            finish.setFocus();
        }
        if (countdown != null && !countdown.isDisposed()) {
            show();
        }
    }

    private void tick() {
        if (countdown.isDisposed()) {
            return;
        }
        show();
        Instant expiry = wizard.expiresAt();
        if (expiry != null && !Instant.now().isBefore(expiry) && wizard.mayAbort()) {
            wizard.sessionExpired();
        }
        countdown.getDisplay().timerExec(1000, this::tick);
    }

    private void show() {
        Instant expiry = wizard.expiresAt();
        if (expiry == null) {
            countdown.setText("");
        } else {
            countdown.setText(DeskFormats.format(wizard.desk.wizard_sessionCountdown, DeskFormats.timeLeft(expiry)));
            boolean lastMinute = Instant.now().plusSeconds(60).isAfter(expiry);
            countdown.setForeground(lastMinute ? countdown.getDisplay().getSystemColor(SWT.COLOR_RED) : null);
        }
        countdown.getParent().layout(true);
    }
}
