package org.regdesk.ui.workstation.wizards;

import org.eclipse.jface.dialogs.IPageChangingListener;
import org.eclipse.jface.dialogs.PageChangingEvent;
import org.eclipse.jface.wizard.Wizard;
import org.regdesk.backend.api.RegistryConnector;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.card.api.CardService;
import org.regdesk.ui.workstation.l10n.Messages;

/**
 * "PIN Oluşturma / Kilit Çözme": who the citizen is (verification code, or the operator's identity
 * check), the citizen's card, the new PIN twice, the SMS code. Leaving a page does the backend step it needs; a refusal
 * keeps the operator on that page with the reason. The card-write page follows (issue #5).
 */
public class UnblockWizard extends Wizard implements IPageChangingListener {

    final Messages messages;
    final RegistryConnector registry;
    final CardService cards;
    private final IdentityPage identity;
    private final CardPage card;
    private final PinPage pin;
    private final SmsPage sms;
    private DeskSession session;

    public UnblockWizard(Messages messages, RegistryConnector registry, CardService cards) {
        this.messages = messages;
        this.registry = registry;
        this.cards = cards;
        setWindowTitle(messages.wizard_title);
        setNeedsProgressMonitor(true);
        identity = new IdentityPage(this);
        card = new CardPage(this);
        pin = new PinPage(messages, org.regdesk.unblock.PinPolicy.sixToTwelveDigits());
        sms = new SmsPage(messages, registry);
    }

    @Override
    public void addPages() {
        addPage(identity);
        addPage(card);
        addPage(pin);
        addPage(sms);
    }

    @Override
    public void handlePageChanging(PageChangingEvent event) {
        if (event.getCurrentPage() == identity && event.getTargetPage() == card) {
            try {
                session = registry.openSession(identity.request());
                card.show(session);
                identity.setErrorMessage(null);
            } catch (RegistryException refused) {
                identity.setErrorMessage(messages.refusal(refused));
                event.doit = false;
            }
        } else if (event.getCurrentPage() == card && event.getTargetPage() == pin) {
            pin.forCitizen(session.tckn(), session.birthDate());
        } else if (event.getCurrentPage() == pin && event.getTargetPage() == sms) {
            sms.forSession(session.sessionId());
        }
    }

    public DeskSession session() {
        return session;
    }

    @Override
    public boolean canFinish() {
        return false; // the write pages come with the rest of issue #5
    }

    @Override
    public boolean performFinish() {
        return false;
    }
}
