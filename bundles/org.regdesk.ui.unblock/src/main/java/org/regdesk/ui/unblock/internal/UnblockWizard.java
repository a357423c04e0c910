package org.regdesk.ui.unblock.internal;

import org.eclipse.jface.dialogs.PageChangingEvent;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.backend.api.session.DeskSessions;
import org.regdesk.backend.api.unblock.UnblockConnector;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.RegisteredCard;
import org.regdesk.card.api.CardService;
import org.regdesk.ui.desk.DeskFormats;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.DeskSessionWizard;
import org.regdesk.ui.desk.SmsCodePage;
import org.regdesk.unblock.PinPolicy;

/**
 * "PIN Oluşturma / Kilit Çözme" in five screens: who the citizen is (verification code, or the operator's
 * identity check), the citizen's card, the new PIN twice, the SMS code, then the card write and its
 * result. Leaving a page does the backend step it needs, off the UI thread; a refusal keeps the operator
 * on that page with the reason.
 */
public class UnblockWizard extends DeskSessionWizard {

    /** The desk operation id the backend knows this wizard's sessions by. */
    static final String OPERATION = "PIN_UNBLOCK";

    final Messages messages;
    private final UnblockConnector unblock;
    final CardService cards;
    private final CardPage card;
    private final PinPage pin;
    private final SmsCodePage sms;
    private final WritePage write;

    public UnblockWizard(Messages messages, DeskMessages desk, DeskSessions sessions, UnblockConnector unblock,
            CardService cards) {
        super(desk, sessions, messages.wizard_title, OPERATION);
        this.messages = messages;
        this.unblock = unblock;
        this.cards = cards;
        card = new CardPage(this);
        pin = new PinPage(messages, desk, PinPolicy.sixToTwelveDigits());
        sms = new SmsCodePage(desk, sessions);
        sms.whenSessionExpired(this::sessionExpired);
        write = new WritePage(this);
    }

    /** The wizard in its dialog, with the session countdown; the caller opens it. */
    public static WizardDialog dialog(Shell parent, Messages messages, DeskMessages desk, DeskSessions sessions,
            UnblockConnector unblock, CardService cards) {
        return new UnblockWizard(messages, desk, sessions, unblock, cards).inDialog(parent);
    }

    @Override
    public void addPages() {
        addPage(identity);
        addPage(card);
        addPage(pin);
        addPage(sms);
        addPage(write);
    }

    @Override
    public void handlePageChanging(PageChangingEvent event) {
        Object from = event.getCurrentPage();
        Object to = event.getTargetPage();
        if (from == identity && to == card) {
            event.doit = openSession();
            if (event.doit) {
                card.show(session());
            }
        } else if (from == card && to == pin) {
            pin.forCitizen(session().tckn(), session().birthDate());
        } else if (from == pin && to == sms) {
            sms.forSession(session().sessionId());
        } else if (from == sms && to == write) {
            event.doit = sms.verify();
            if (event.doit) {
                getContainer().getShell().getDisplay().asyncExec(write::start);
            }
        }
    }

    /** The write page's success: the work is done, the PIN wiped; the text to show. */
    String written() {
        completed();
        pin.clear();
        getContainer().updateButtons();
        return DeskFormats.format(messages.wizard_done, chosenCard().serial(), session().citizenName());
    }

    DeskMessages desk() {
        return desk;
    }

    UnblockConnector unblock() {
        return unblock;
    }

    DeskSession currentSession() {
        return session();
    }

    RegisteredCard chosenCard() {
        return card.chosen().registered().orElseThrow();
    }

    /** A copy of the accepted PIN; the caller wipes it. */
    char[] newPin() {
        return pin.pin();
    }

    @Override
    protected void forgetSecrets() {
        pin.clear();
    }

    @Override
    protected boolean mayAbort() {
        return !write.cardMayHaveNewPin();
    }
}
