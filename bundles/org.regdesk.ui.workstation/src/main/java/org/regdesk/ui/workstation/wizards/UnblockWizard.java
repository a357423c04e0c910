package org.regdesk.ui.workstation.wizards;

import java.time.Instant;

import org.eclipse.jface.dialogs.IPageChangingListener;
import org.eclipse.jface.dialogs.PageChangingEvent;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.backend.api.RegistryConnector;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.RegisteredCard;
import org.regdesk.card.api.CardService;
import org.regdesk.ui.workstation.l10n.Messages;
import org.regdesk.unblock.PinPolicy;

/**
 * "PIN Oluşturma / Kilit Çözme": who the citizen is (verification code, or the operator's identity
 * check), the citizen's card, the new PIN twice, the SMS code, the card write, the result. Leaving a
 * page does the backend step it needs; a refusal keeps the operator on that page with the reason. An
 * expired session sends the operator back to the first page for a new code.
 */
public class UnblockWizard extends Wizard implements IPageChangingListener {

    static final String SESSION_EXPIRED = "SESSION_EXPIRED";

    final Messages messages;
    final RegistryConnector registry;
    final CardService cards;
    private final IdentityPage identity;
    private final CardPage card;
    private final PinPage pin;
    private final SmsPage sms;
    private final WritePage write;
    private final ResultPage result;
    private DeskSession session;
    private boolean completed;

    public UnblockWizard(Messages messages, RegistryConnector registry, CardService cards) {
        this.messages = messages;
        this.registry = registry;
        this.cards = cards;
        setWindowTitle(messages.wizard_title);
        setNeedsProgressMonitor(true);
        identity = new IdentityPage(messages, "PIN_UNBLOCK");
        card = new CardPage(this);
        pin = new PinPage(messages, PinPolicy.sixToTwelveDigits());
        sms = new SmsPage(messages, registry);
        sms.whenSessionExpired(this::sessionExpired);
        write = new WritePage(this);
        result = new ResultPage(messages);
    }

    /** The wizard in its dialog, with the session countdown; the caller opens it. */
    public static WizardDialog dialog(Shell parent, Messages messages, RegistryConnector registry, CardService cards) {
        UnblockWizard wizard = new UnblockWizard(messages, registry, cards);
        WizardDialog dialog = new SessionWizardDialog(parent, wizard, messages, wizard::expiresAt);
        dialog.addPageChangingListener(wizard);
        return dialog;
    }

    @Override
    public void addPages() {
        addPage(identity);
        addPage(card);
        addPage(pin);
        addPage(sms);
        addPage(write);
        addPage(result);
    }

    @Override
    public void handlePageChanging(PageChangingEvent event) {
        Object from = event.getCurrentPage();
        Object to = event.getTargetPage();
        if (from == identity && to == card) {
            try {
                session = registry.openSession(identity.request());
                card.show(session);
                identity.setErrorMessage(null);
            } catch (RegistryException refused) {
                identity.setErrorMessage(messages.refusal(refused));
                event.doit = false;
            }
        } else if (from == card && to == pin) {
            pin.forCitizen(session.tckn(), session.birthDate());
        } else if (from == pin && to == sms) {
            sms.forSession(session.sessionId());
        } else if (from == sms && to == write) {
            event.doit = sms.verify();
            if (event.doit) {
                getContainer().getShell().getDisplay().asyncExec(write::start);
            }
        }
    }

    /** The write page's success: the result replaces it, and the PIN is wiped. */
    void written() {
        completed = true;
        pin.clear();
        result.show(Messages.format(messages.wizard_done, chosenCard().serial(), session.citizenName()));
        getContainer().showPage(result);
    }

    /** Back to the first page for a new code: the backend closed the session. */
    void sessionExpired() {
        session = null;
        getContainer().getShell().getDisplay().asyncExec(() -> {
            getContainer().showPage(identity);
            identity.startOver(messages.wizard_sessionExpired);
        });
    }

    DeskSession session() {
        return session;
    }

    Instant expiresAt() {
        return session == null || completed ? null : session.expiresAt();
    }

    RegisteredCard chosenCard() {
        return card.chosen().registered().orElseThrow();
    }

    /** A copy of the accepted PIN; the caller wipes it. */
    char[] newPin() {
        return pin.pin();
    }

    @Override
    public boolean canFinish() {
        return completed;
    }

    @Override
    public boolean performFinish() {
        return true;
    }

    /** Ends an open session at the backend (audited), unless the card may already have the new PIN. */
    @Override
    public boolean performCancel() {
        pin.clear();
        if (session != null && !completed && !write.cardMayHaveNewPin()) {
            try {
                registry.abort(session.sessionId());
            } catch (RegistryException closedOrUnreachable) {
                // the session expires on its own; nothing on the card changed
            }
        }
        return true;
    }

    @Override
    public void dispose() {
        pin.clear();
        super.dispose();
    }
}
