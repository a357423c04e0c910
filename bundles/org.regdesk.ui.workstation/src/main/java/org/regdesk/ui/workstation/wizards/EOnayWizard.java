package org.regdesk.ui.workstation.wizards;

import org.eclipse.jface.dialogs.PageChangingEvent;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.backend.api.RegistryConnector;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.card.api.CardService;
import org.regdesk.eonay.EOnayFlow;
import org.regdesk.ui.workstation.l10n.Messages;

/**
 * "E-Onay İşlemleri": who the citizen is (code for E-Onay, or the operator's identity check), the status
 * first (given: only a withdrawal is offered), the text with version and SHA-256 and its read time, the
 * certificate and PIN, then the signature checked and recorded by the registry, and the result.
 */
public class EOnayWizard extends DeskSessionWizard {

    private final EOnayStatusPage status;
    private final ConsentTextPage text;
    private final SignPage sign;
    private final ResultPage result;

    public EOnayWizard(Messages messages, RegistryConnector registry, CardService cards) {
        super(messages, registry, messages.eonay_title, "E_ONAY");
        status = new EOnayStatusPage(messages);
        text = new ConsentTextPage(messages);
        sign = new SignPage(messages, cards);
        result = new ResultPage(messages);
    }

    /** The wizard in its dialog, with the session countdown; the caller opens it. */
    public static WizardDialog dialog(Shell parent, Messages messages, RegistryConnector registry, CardService cards) {
        return new EOnayWizard(messages, registry, cards).inDialog(parent);
    }

    @Override
    public void addPages() {
        addPage(identity);
        addPage(status);
        addPage(text);
        addPage(sign);
        addPage(result);
    }

    @Override
    public void handlePageChanging(PageChangingEvent event) {
        Object from = event.getCurrentPage();
        Object to = event.getTargetPage();
        try {
            if (from == identity && to == status) {
                session = registry.openSession(identity.request());
                identity.setErrorMessage(null);
                status.show(session, registry.eOnayStatus(session.sessionId()));
            } else if (from == status && to == text) {
                text.show(registry.consentText(session.sessionId(), status.kindToSign()));
            } else if (from == text && to == sign) {
                sign.show(session);
            } else if (from == sign && to == result) {
                EOnayFlow.Result signed = sign.sign(new EOnayFlow(registry), session.sessionId(), text);
                event.doit = signed != null;
                if (signed != null) {
                    completed = true;
                    result.show(Messages.format("GIVEN".equals(signed.recorded().state()) ? messages.eonay_given
                            : messages.eonay_withdrawn, Messages.dateTime(signed.signingTime())));
                }
            }
        } catch (RegistryException refused) {
            refused((org.eclipse.jface.wizard.WizardPage) from, refused);
            event.doit = false;
        }
    }

    @Override
    void forgetSecrets() {
        sign.clear();
    }

    @Override
    public IWizardPage getPreviousPage(IWizardPage page) {
        return page == result ? null : super.getPreviousPage(page);
    }
}
