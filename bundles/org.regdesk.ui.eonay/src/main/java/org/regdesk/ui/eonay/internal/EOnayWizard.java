package org.regdesk.ui.eonay.internal;

import org.eclipse.jface.dialogs.PageChangingEvent;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.backend.api.eonay.EOnayConnector;
import org.regdesk.backend.api.session.DeskSessions;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.ConsentText;
import org.regdesk.backend.api.v1.EOnayStatus;
import org.regdesk.card.api.CardService;
import org.regdesk.eonay.EOnayFlow;
import org.regdesk.ui.desk.CitizenAtDesk;
import org.regdesk.ui.desk.DeskFormats;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.DeskSessionWizard;
import org.regdesk.ui.desk.OffTheUiThread;
import org.regdesk.ui.desk.ResultPage;

/**
 * "E-Onay İşlemleri": who the citizen is (code for E-Onay, or the operator's identity check), the status
 * first (given: only a withdrawal is offered), the text with version and SHA-256 and its read time, the
 * certificate and PIN, then the signature checked and recorded by the registry, and the result with the
 * read and signing times together. Every backend and card call runs off the UI thread.
 */
public class EOnayWizard extends DeskSessionWizard {

    /** The desk operation id the backend knows this wizard's sessions by. */
    static final String OPERATION = "E_ONAY";

    private final Messages messages;
    private final EOnayConnector eOnay;
    private final EOnayStatusPage status;
    private final ConsentTextPage text;
    private final SignPage sign;
    private final ResultPage result;

    public EOnayWizard(Messages messages, DeskMessages desk, DeskSessions sessions, EOnayConnector eOnay, CardService cards) {
        super(desk, sessions, messages.eonay_title, OPERATION);
        this.messages = messages;
        this.eOnay = eOnay;
        status = new EOnayStatusPage(messages);
        text = new ConsentTextPage(messages);
        sign = new SignPage(messages, desk, cards);
        result = new ResultPage(desk);
    }

    /** The wizard in its dialog, with the session countdown; the caller opens it. */
    public static WizardDialog dialog(Shell parent, Messages messages, DeskMessages desk, DeskSessions sessions,
            EOnayConnector eOnay, CardService cards) {
        return new EOnayWizard(messages, desk, sessions, eOnay, cards).inDialog(parent);
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
                event.doit = openSession();
                if (event.doit) {
                    String sessionId = session().sessionId();
                    EOnayStatus current = ask(monitor -> eOnay.eOnayStatus(sessionId));
                    status.show(session(), current);
                }
            } else if (from == status && to == text) {
                String sessionId = session().sessionId();
                String kind = status.kindToSign();
                ConsentText consent = ask(monitor -> eOnay.consentText(sessionId, kind));
                text.show(consent);
            } else if (from == text && to == sign) {
                sign.show(session());
            } else if (from == sign && to == result) {
                EOnayFlow.Result signed = sign.sign(new EOnayFlow(eOnay), session().sessionId(), text);
                event.doit = signed != null;
                if (signed != null) {
                    completed();
                    if ("GIVEN".equals(signed.recorded().state())) {
                        // a certificate application may follow for this citizen, on this proof of identity
                        CitizenAtDesk.served(session(), java.time.Clock.systemUTC());
                    }
                    String done = "GIVEN".equals(signed.recorded().state()) ? messages.eonay_given : messages.eonay_withdrawn;
                    result.show(DeskFormats.format(done, DeskFormats.dateTime(signed.signingTime())) + "\n\n"
                            + DeskFormats.format(messages.eonay_times, DeskFormats.dateTime(text.readAt()),
                                    DeskFormats.dateTime(signed.signingTime())));
                }
            }
        } catch (RegistryException refused) {
            refused((WizardPage) from, refused);
            event.doit = false;
        } catch (InterruptedException cancelled) {
            event.doit = false;
        }
    }

    private <T> T ask(OffTheUiThread.Call<T, RegistryException> call) throws RegistryException, InterruptedException {
        return OffTheUiThread.run(getContainer(), messages.eonay_loading, true, RegistryException.class, call);
    }

    @Override
    protected void forgetSecrets() {
        sign.clear();
    }

    @Override
    public IWizardPage getPreviousPage(IWizardPage page) {
        return page == result ? null : super.getPreviousPage(page);
    }
}
