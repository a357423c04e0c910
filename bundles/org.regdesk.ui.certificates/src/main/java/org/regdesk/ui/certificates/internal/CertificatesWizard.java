package org.regdesk.ui.certificates.internal;

import org.eclipse.jface.dialogs.PageChangingEvent;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.desk.DeskApi;
import org.regdesk.backend.api.session.DeskSessions;
import org.regdesk.backend.certificates.CitizenCertificates;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.DeskSessionWizard;
import org.regdesk.ui.desk.OffTheUiThread;
import org.regdesk.ui.desk.SmsCodePage;

/**
 * "Sertifika İşlemleri" in three screens: who the citizen is (portal code or the operator's identity
 * check), the SMS code to the registered phone, then the citizen's certificates with suspend, resume and
 * revoke (revocation confirmed twice, its consequences spelled out). Every registry call runs off the UI
 * thread; Finish or Cancel ends the session at the registry.
 */
public class CertificatesWizard extends DeskSessionWizard {

    /** The desk operation id the backend knows this wizard's sessions by. */
    static final String OPERATION = "CERTIFICATE_STATUS";

    private final Messages messages;
    private final CertificateCalls calls;
    private final SmsCodePage sms;
    private final CertificatesPage list;

    public CertificatesWizard(Messages messages, DeskMessages desk, DeskSessions sessions, DeskApi api) {
        super(desk, sessions, messages.certificates_title, OPERATION);
        this.messages = messages;
        this.calls = new CertificateCalls(api);
        sms = new SmsCodePage(desk, sessions);
        sms.whenSessionExpired(this::sessionExpired);
        list = new CertificatesPage(this);
    }

    /** The wizard in its dialog, with the session countdown; the caller opens it. */
    public static WizardDialog dialog(Shell parent, Messages messages, DeskMessages desk, DeskSessions sessions, DeskApi api) {
        return new CertificatesWizard(messages, desk, sessions, api).inDialog(parent);
    }

    @Override
    public void addPages() {
        addPage(identity);
        addPage(sms);
        addPage(list);
    }

    @Override
    public void handlePageChanging(PageChangingEvent event) {
        Object from = event.getCurrentPage();
        Object to = event.getTargetPage();
        if (from == identity && to == sms) {
            event.doit = openSession();
            if (event.doit) {
                sms.forSession(session().sessionId());
            }
        } else if (from == sms && to == list) {
            event.doit = sms.verify() && refresh();
        }
    }

    /** Reads the citizen's certificates again; false (and the reason on the page) when the registry refuses. */
    boolean refresh() {
        String sessionId = session().sessionId();
        try {
            CitizenCertificates current = call(messages.certificates_loading, calls -> calls.list(sessionId));
            list.show(session(), current);
            return true;
        } catch (RegistryException refused) {
            refused(getContainer().getCurrentPage() == list ? list : sms, refused);
            return false;
        } catch (InterruptedException cancelled) {
            return false;
        }
    }

    /** What the list page's buttons ask of the registry, in the session. */
    interface Step<T> {
        T on(CertificateCalls calls) throws RegistryException;
    }

    <T> T call(String task, Step<T> step) throws RegistryException, InterruptedException {
        return OffTheUiThread.run(getContainer(), task, true, RegistryException.class, monitor -> step.on(calls));
    }

    Messages messages() {
        return messages;
    }

    DeskMessages desk() {
        return desk;
    }

    String sessionId() {
        return session().sessionId();
    }

    /** A refusal on the list page: an expired session starts over, anything else stays on the page with its reason. */
    void refusedOnList(RegistryException refused) {
        refused(list, refused);
    }

    @Override
    public boolean canFinish() {
        return getContainer() != null && getContainer().getCurrentPage() == list && list.isPageComplete();
    }

    /**
     * Finish tells the registry the session is done (completed, where Cancel aborts it). The changes were
     * made and audited one by one, so if that last call fails nothing is lost: the session expires.
     */
    @Override
    public boolean performFinish() {
        String sessionId = sessionId();
        try {
            call(messages.certificates_finishing, calls -> calls.done(sessionId));
            completed();
        } catch (RegistryException | InterruptedException notHeard) {
            // Cancel below aborts it instead, or it expires; every change is already with the CA
        }
        return performCancel();
    }

    @Override
    protected void forgetSecrets() {
        // nothing secret is typed here: the SMS code is checked and gone
    }
}
