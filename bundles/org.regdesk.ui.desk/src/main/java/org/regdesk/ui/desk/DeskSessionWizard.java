package org.regdesk.ui.desk;

import java.time.Instant;

import org.eclipse.jface.dialogs.IPageChangingListener;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.backend.api.session.DeskSessions;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;

/**
 * A wizard that serves one citizen in one backend desk session: the identity page first, the session's
 * countdown beside the buttons, Finish only once the work is done, and Cancel ending the open session at
 * the backend (audited) unless the subclass says the card may already have been changed. An expired
 * session - the backend says so, or the countdown reaches 00:00 - sends the operator back to the identity
 * page for a new code, with no way back to the pages of the old session.
 */
public abstract class DeskSessionWizard extends Wizard implements IPageChangingListener {

    /** The backend's code for a desk session that ended on its own. */
    public static final String SESSION_EXPIRED = "SESSION_EXPIRED";

    protected final DeskMessages desk;
    protected final DeskSessions sessions;
    protected final IdentityPage identity;
    private DeskSession session;
    private boolean completed;

    /** @param operation the desk operation the session is opened for, e.g. PIN_UNBLOCK or E_ONAY */
    protected DeskSessionWizard(DeskMessages desk, DeskSessions sessions, String title, String operation) {
        this.desk = desk;
        this.sessions = sessions;
        this.identity = new IdentityPage(desk, operation);
        setWindowTitle(title);
        setNeedsProgressMonitor(true);
    }

    /**
     * Opens the desk session for the identity the page holds, off the UI thread; false (and the reason on
     * the identity page) when the backend refuses or the operator cancelled.
     */
    protected boolean openSession() {
        OpenSessionRequest request = identity.request();
        try {
            session = OffTheUiThread.run(getContainer(), desk.identity_opening, true, RegistryException.class,
                    monitor -> sessions.openSession(request));
            identity.setErrorMessage(null);
            return true;
        } catch (RegistryException refused) {
            identity.setErrorMessage(desk.refusal(refused, getClass()));
            return false;
        } catch (InterruptedException cancelled) {
            return false;
        }
    }

    /** A backend refusal on {@code page}: an expired session starts over, anything else stays with its reason. */
    protected void refused(WizardPage page, RegistryException refused) {
        if (SESSION_EXPIRED.equals(refused.code())) {
            sessionExpired();
        } else {
            page.setErrorMessage(desk.refusal(refused, getClass()));
        }
    }

    /** Back to the first page for a new code: the backend closed (or is about to close) the session. */
    public void sessionExpired() {
        if (session == null || completed) {
            return;
        }
        session = null;
        forgetSecrets();
        getContainer().getShell().getDisplay().asyncExec(() -> {
            if (getContainer().getShell() == null || getContainer().getShell().isDisposed()) {
                return;
            }
            getContainer().showPage(identity);
            identity.startOver(desk.wizard_sessionExpired);
            getContainer().updateButtons();
        });
    }

    /** This wizard in its dialog, listening to its page changes; the caller opens it. */
    public WizardDialog inDialog(Shell parent) {
        WizardDialog dialog = new SessionWizardDialog(parent, this);
        dialog.addPageChangingListener(this);
        return dialog;
    }

    /** The open session, or null before the identity page and after it ended. */
    protected DeskSession session() {
        return session;
    }

    /** The work is done and recorded: Finish closes, Cancel and Back are gone, the countdown stops. */
    protected void completed() {
        completed = true;
    }

    protected boolean isCompleted() {
        return completed;
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
            String sessionId = session.sessionId();
            try {
                // the citizen is leaving: the dialog closes at once, the backend hears of it off the UI thread
                OffTheUiThread.run(getContainer(), desk.wizard_cancel, true, RegistryException.class,
                        monitor -> sessions.abort(sessionId));
            } catch (RegistryException | InterruptedException closedOrUnreachable) {
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
    protected abstract void forgetSecrets();

    /** False when aborting would lose track of a card write the backend has not heard of. */
    protected boolean mayAbort() {
        return true;
    }
}
