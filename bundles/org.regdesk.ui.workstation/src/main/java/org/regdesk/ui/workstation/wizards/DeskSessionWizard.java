package org.regdesk.ui.workstation.wizards;

import java.time.Instant;

import org.eclipse.jface.dialogs.IPageChangingListener;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.backend.api.RegistryConnector;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.ui.workstation.l10n.Messages;

/**
 * A wizard that serves one citizen in one backend desk session: the session's countdown beside the
 * buttons, Finish only once the work is done, and Cancel ending the open session at the backend
 * (audited) unless the subclass says the card may already have been changed. An expired session sends
 * the operator back to the identity page for a new code.
 */
abstract class DeskSessionWizard extends Wizard implements IPageChangingListener {

    static final String SESSION_EXPIRED = "SESSION_EXPIRED";

    final Messages messages;
    final RegistryConnector registry;
    final IdentityPage identity;
    DeskSession session;
    boolean completed;

    /** @param purpose the desk session's purpose: PIN_UNBLOCK or E_ONAY */
    DeskSessionWizard(Messages messages, RegistryConnector registry, String title, String purpose) {
        this.messages = messages;
        this.registry = registry;
        this.identity = new IdentityPage(messages, purpose);
        setWindowTitle(title);
        setNeedsProgressMonitor(true);
    }

    /** A backend refusal on {@code page}: an expired session starts over, anything else stays with its reason. */
    void refused(WizardPage page, RegistryException refused) {
        if (SESSION_EXPIRED.equals(refused.code())) {
            sessionExpired();
        } else {
            page.setErrorMessage(messages.refusal(refused));
        }
    }

    /** Back to the first page for a new code: the backend closed the session. */
    void sessionExpired() {
        session = null;
        getContainer().getShell().getDisplay().asyncExec(() -> {
            getContainer().showPage(identity);
            identity.startOver(messages.wizard_sessionExpired);
        });
    }

    /** This wizard in its dialog, listening to its page changes; the caller opens it. */
    WizardDialog inDialog(Shell parent) {
        WizardDialog dialog = new SessionWizardDialog(parent, this, messages, this::expiresAt);
        dialog.addPageChangingListener(this);
        return dialog;
    }

    Instant expiresAt() {
        return session == null || completed ? null : session.expiresAt();
    }

    @Override
    public boolean canFinish() {
        return completed;
    }

    @Override
    public boolean performFinish() {
        return true;
    }

    @Override
    public boolean performCancel() {
        forgetSecrets();
        if (session != null && !completed && mayAbort()) {
            try {
                registry.abort(session.sessionId());
            } catch (RegistryException closedOrUnreachable) {
                // the session expires on its own; nothing was recorded or written
            }
        }
        return true;
    }

    @Override
    public void dispose() {
        forgetSecrets();
        super.dispose();
    }

    /** Wipes what the citizen typed (PINs). */
    abstract void forgetSecrets();

    /** False when aborting would lose track of a card write the backend has not heard of. */
    boolean mayAbort() {
        return true;
    }
}
