package org.regdesk.ui.unblock.internal;

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
import org.regdesk.ui.desk.DeskFormats;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.DeskSessionWizard;
import org.regdesk.ui.desk.WidgetRoles;
import org.regdesk.unblock.UnblockFlow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 5, the last: the card write, started as soon as the page shows, with the steps in the wizard's
 * progress bar and the reminder not to pull the card; Cancel is disabled while it runs. On success the
 * same page shows the result with a success sign and Finish. A fault (card pulled, backend unreachable) leaves the session,
 * the chosen card and the new PIN as they are and offers "Tekrar Dene"; a card written but not yet
 * reported is only reported again, never written twice.
 */
class WritePage extends WizardPage {

    private static final Logger LOG = LoggerFactory.getLogger(WritePage.class);

    private final UnblockWizard wizard;
    private final UnblockFlow flow;
    private Label intro;
    private Label icon;
    private Label status;
    private Button retry;
    private String unreportedAuthorization;

    WritePage(UnblockWizard wizard) {
        super("write");
        this.wizard = wizard;
        this.flow = new UnblockFlow(wizard.unblock());
        setTitle(wizard.messages.wizard_writeTitle);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        icon = WidgetRoles.tag(new Label(page, SWT.NONE), "wizard.result.icon");
        icon.setLayoutData(new GridData(SWT.BEGINNING, SWT.BEGINNING, false, false, 1, 3));
        intro = WidgetRoles.tag(new Label(page, SWT.WRAP), "wizard.result");
        GridData introLayout = new GridData(SWT.FILL, SWT.CENTER, true, false);
        introLayout.widthHint = 460;
        intro.setLayoutData(introLayout);
        status = new Label(page, SWT.WRAP);
        status.setData(WidgetRoles.KEY, "wizard.write.status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        retry = new Button(page, SWT.PUSH);
        retry.setText(wizard.messages.wizard_retry);
        retry.setData(WidgetRoles.KEY, "wizard.write.retry");
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
        intro.setText(DeskFormats.format(wizard.messages.wizard_writeIntro, wizard.chosenCard().serial()));
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
        String sessionId = wizard.currentSession().sessionId();
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
            setTitle(wizard.desk().result_title);
            icon.setImage(getShell().getDisplay().getSystemImage(SWT.ICON_INFORMATION));
            intro.setText(wizard.written());
            retry.setVisible(false);
            intro.getParent().layout(true);
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
        DeskMessages desk = wizard.desk();
        boolean canRetry = true;
        String text;
        if (failure instanceof UnblockFlow.NotReported notReported) {
            unreportedAuthorization = notReported.authorizationId();
            text = DeskFormats.format(m.wizard_notReported, desk.refusal(notReported.registryError(), getClass()));
        } else if (failure instanceof CardException card) {
            LOG.warn("card write failed: {}", card.getMessage());
            text = desk.card(card);
        } else if (failure instanceof RegistryException refused) {
            if (DeskSessionWizard.SESSION_EXPIRED.equals(refused.code())) {
                wizard.sessionExpired();
                return;
            }
            canRetry = refused.retryable() || refused.status() == 0;
            text = desk.refusal(refused, getClass());
        } else {
            LOG.warn("card write failed", failure);
            text = desk.cardProblem_IO;
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
