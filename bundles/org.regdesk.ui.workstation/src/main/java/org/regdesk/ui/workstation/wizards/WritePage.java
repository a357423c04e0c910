package org.regdesk.ui.workstation.wizards;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.RegisteredCard;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardSession;
import org.regdesk.ui.workstation.l10n.Messages;
import org.regdesk.ui.workstation.parts.ReadersPart;
import org.regdesk.unblock.UnblockFlow;

/**
 * Step 5: the card write, started as soon as the page shows, with the steps in the wizard's progress
 * bar; Cancel is disabled while it runs. A fault (card pulled, backend unreachable) leaves the session,
 * the chosen card and the new PIN as they are and offers "Tekrar Dene"; a card written but not yet
 * reported is only reported again, never written twice.
 */
class WritePage extends WizardPage {

    private final UnblockWizard wizard;
    private final UnblockFlow flow;
    private Label intro;
    private Label status;
    private Button retry;
    private String unreportedAuthorization;

    WritePage(UnblockWizard wizard) {
        super("write");
        this.wizard = wizard;
        this.flow = new UnblockFlow(wizard.registry);
        setTitle(wizard.messages.wizard_writeTitle);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        intro = new Label(page, SWT.WRAP);
        intro.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status = new Label(page, SWT.WRAP);
        status.setData(ReadersPart.ROLE, "wizard.write.status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        retry = new Button(page, SWT.PUSH);
        retry.setText(wizard.messages.wizard_retry);
        retry.setData(ReadersPart.ROLE, "wizard.write.retry");
        retry.setEnabled(false);
        retry.addListener(SWT.Selection, event -> write());
        setControl(page);
    }

    /** Once the SMS code is confirmed there is no way back: a changed mind is a new session. */
    @Override
    public IWizardPage getPreviousPage() {
        return null;
    }

    /** Starts the write for the chosen card; called once the page is showing. */
    void start() {
        unreportedAuthorization = null;
        intro.setText(Messages.format(wizard.messages.wizard_writeIntro, wizard.chosenCard().serial()));
        intro.getParent().layout(true);
        getControl().getDisplay().asyncExec(this::write);
    }

    private void write() {
        if (getControl().isDisposed()) {
            return;
        }
        retry.setEnabled(false);
        setErrorMessage(null);
        status.setText("");
        Exception failure = null;
        // read on the UI thread: the keypads are widgets
        String sessionId = wizard.session().sessionId();
        RegisteredCard card = wizard.chosenCard();
        char[] pin = wizard.newPin();
        try {
            getContainer().run(true, false, monitor -> {
                monitor.beginTask(wizard.messages.wizard_writeTask, UnblockFlow.Step.values().length);
                try {
                    writeOrReport(sessionId, card, pin, step -> {
                        monitor.subTask(stepText(step));
                        monitor.worked(1);
                    });
                } catch (Exception e) {
                    throw new InvocationTargetException(e);
                } finally {
                    monitor.done();
                }
            });
        } catch (InvocationTargetException e) {
            failure = e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } finally {
            Arrays.fill(pin, '\0');
        }
        if (failure == null) {
            wizard.written();
        } else {
            explain(failure);
        }
    }

    /** Runs outside the UI thread. */
    private void writeOrReport(String sessionId, RegisteredCard card, char[] pin,
            java.util.function.Consumer<UnblockFlow.Step> progress) throws Exception {
        if (unreportedAuthorization != null) {
            progress.accept(UnblockFlow.Step.REPORT);
            flow.report(sessionId, unreportedAuthorization);
            return;
        }
        try (CardSession session = wizard.cards.open(card.serial())) {
            flow.unblock(sessionId, card, session, pin, progress);
        }
    }

    private void explain(Exception failure) {
        Messages m = wizard.messages;
        boolean canRetry = true;
        String text;
        if (failure instanceof UnblockFlow.NotReported notReported) {
            unreportedAuthorization = notReported.authorizationId();
            text = Messages.format(m.wizard_notReported, m.refusal(notReported.registryError()));
        } else if (failure instanceof CardException card) {
            text = switch (card.reason()) {
            case CARD_REMOVED -> m.wizard_cardRemoved;
            case BUSY -> m.wizard_cardsBusy;
            case AUTHORIZATION_REJECTED -> m.wizard_authorizationRejected;
            default -> Messages.format(m.wizard_cardError, card.getMessage());
            };
        } else if (failure instanceof RegistryException refused) {
            if (DeskSessionWizard.SESSION_EXPIRED.equals(refused.code())) {
                wizard.sessionExpired();
                return;
            }
            canRetry = refused.retryable() || refused.status() == 0;
            text = m.refusal(refused);
        } else {
            text = Messages.format(m.wizard_cardError, String.valueOf(failure.getMessage()));
        }
        setErrorMessage(text);
        status.setText(canRetry ? m.wizard_retryHint : "");
        retry.setEnabled(canRetry);
        status.getParent().layout(true);
    }

    private String stepText(UnblockFlow.Step step) {
        return switch (step) {
        case CARD_CHALLENGE -> wizard.messages.wizard_stepChallenge;
        case AUTHORIZATION -> wizard.messages.wizard_stepAuthorization;
        case CARD_WRITE -> wizard.messages.wizard_stepWrite;
        case REPORT -> wizard.messages.wizard_stepReport;
        };
    }

    boolean cardMayHaveNewPin() {
        return unreportedAuthorization != null;
    }
}
