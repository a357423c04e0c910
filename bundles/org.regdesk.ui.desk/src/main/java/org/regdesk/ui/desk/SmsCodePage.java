package org.regdesk.ui.desk;

import java.time.Instant;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.session.DeskSessions;
import org.regdesk.backend.api.v1.OtpSent;

/**
 * The SMS code sent to the citizen's registered phone (shown masked), its countdown, and "Yeniden
 * gönder" once the backend allows a new one: the second factor every operation that changes a card or
 * a certificate asks for. The code is checked when the page is left ({@link #verify()}); a wrong one
 * says how many tries are left.
 */
public class SmsCodePage extends WizardPage {

    private final DeskMessages desk;
    private final DeskSessions registry;
    private String sessionId;
    private OtpSent sent;
    private Label status;
    private Label countdown;
    private Text code;
    private Button resend;
    private Label missing;
    private Runnable sessionExpired = () -> {
    };

    public SmsCodePage(DeskMessages desk, DeskSessions registry) {
        super("sms");
        this.desk = desk;
        this.registry = registry;
        setTitle(desk.sms_title);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        status = new Label(page, SWT.WRAP);
        status.setData(WidgetRoles.KEY, "wizard.sms.status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(page, SWT.NONE).setText(desk.sms_code);
        code = new Text(page, SWT.BORDER);
        code.setData(WidgetRoles.KEY, "wizard.sms.code");
        code.setTextLimit(6);
        code.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        code.addListener(SWT.Verify, event -> event.doit = event.text.chars().allMatch(Character::isDigit));
        code.addListener(SWT.Modify, event -> setPageComplete(code.getText().length() == 6));
        WizardKeys.enterGoesOn(this, code);
        countdown = new Label(page, SWT.NONE);
        countdown.setData(WidgetRoles.KEY, "wizard.sms.countdown");
        countdown.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        resend = new Button(page, SWT.PUSH);
        resend.setText(desk.sms_resend);
        resend.setData(WidgetRoles.KEY, "wizard.sms.resend");
        resend.addListener(SWT.Selection, event -> send());
        missing = WidgetRoles.tag(new Label(page, SWT.WRAP), "wizard.sms.missing");
        GridData missingLayout = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        missingLayout.widthHint = 460;
        missing.setLayoutData(missingLayout);
        setControl(page);
    }

    @Override
    public void setVisible(boolean visible) {
        super.setVisible(visible);
        if (visible) {
            code.setFocus();
        }
    }

    /** What to do when the backend says the session has expired (the wizard starts over). */
    public void whenSessionExpired(Runnable action) {
        sessionExpired = action;
    }

    /** Sends the first code of the session (once the citizen and the PIN are settled). */
    public void forSession(String id) {
        sessionId = id;
        code.setText("");
        send();
        tick();
    }

    private void send() {
        String id = sessionId;
        try {
            sent = OffTheUiThread.run(getContainer(), desk.sms_sending, true, RegistryException.class,
                    monitor -> registry.sendOtp(id));
            status.setText(DeskFormats.format(sent.sent() ? desk.sms_sent : desk.sms_wait, sent.phoneMasked()));
            setErrorMessage(null);
        } catch (RegistryException refused) {
            refused(refused);
        } catch (InterruptedException cancelled) {
            // the operator stopped waiting; "Yeniden gönder" stays for another try
            resend.setEnabled(true);
        }
        status.getParent().layout(true);
    }

    /** The countdown and the resend button, once a second while the page is shown. */
    private void tick() {
        if (countdown.isDisposed() || sent == null) {
            return;
        }
        Instant now = Instant.now();
        countdown.setText(DeskFormats.format(desk.sms_countdown, DeskFormats.timeLeft(sent.expiresAt())));
        boolean mayResend = !now.isBefore(sent.resendAllowedAt());
        resend.setEnabled(mayResend);
        if (mayResend && missing.getText().isEmpty()) {
            // only once a new code may be asked for: before that, the first SMS may still be on its way
            missing.setText(DeskFormats.format(desk.sms_missing,
                    System.getProperty("regdesk.call.centre", desk.sms_callCentre)));
        }
        countdown.getParent().layout(true);
        countdown.getDisplay().timerExec(1000, this::tick);
    }

    /** Checks the typed code at the backend; false (with the reason on the page) when it is not accepted. */
    public boolean verify() {
        String id = sessionId;
        String typed = code.getText();
        try {
            OffTheUiThread.run(getContainer(), desk.sms_checking, true, RegistryException.class,
                    monitor -> registry.verifyOtp(id, typed));
            setErrorMessage(null);
            return true;
        } catch (InterruptedException cancelled) {
            return false;
        } catch (RegistryException refused) {
            refused(refused);
            code.setText("");
            return false;
        }
    }

    private void refused(RegistryException refused) {
        setErrorMessage(desk.refusal(refused, getClass()));
        if (DeskSessionWizard.SESSION_EXPIRED.equals(refused.code())) {
            sessionExpired.run();
        }
    }
}
