package org.regdesk.ui.workstation.wizards;

import org.eclipse.jface.dialogs.PageChangingEvent;
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
 * page does the backend step it needs; a refusal keeps the operator on that page with the reason.
 */
public class UnblockWizard extends DeskSessionWizard {

    final CardService cards;
    private final CardPage card;
    private final PinPage pin;
    private final SmsPage sms;
    private final WritePage write;
    private final ResultPage result;

    public UnblockWizard(Messages messages, RegistryConnector registry, CardService cards) {
        super(messages, registry, messages.wizard_title, "PIN_UNBLOCK");
        this.cards = cards;
        card = new CardPage(this);
        pin = new PinPage(messages, PinPolicy.sixToTwelveDigits());
        sms = new SmsPage(messages, registry);
        sms.whenSessionExpired(this::sessionExpired);
        write = new WritePage(this);
        result = new ResultPage(messages);
    }

    /** The wizard in its dialog, with the session countdown; the caller opens it. */
    public static WizardDialog dialog(Shell parent, Messages messages, RegistryConnector registry, CardService cards) {
        return new UnblockWizard(messages, registry, cards).inDialog(parent);
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

    DeskSession session() {
        return session;
    }

    RegisteredCard chosenCard() {
        return card.chosen().registered().orElseThrow();
    }

    /** A copy of the accepted PIN; the caller wipes it. */
    char[] newPin() {
        return pin.pin();
    }

    @Override
    void forgetSecrets() {
        pin.clear();
    }

    @Override
    boolean mayAbort() {
        return !write.cardMayHaveNewPin();
    }
}
