package org.regdesk.ui.operations.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.server.store.DemoData;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.SmsCodePage;
import org.regdesk.ui.desk.testing.RunningRegistry;
import org.regdesk.ui.desk.testing.Widgets;
import org.regdesk.ui.desk.testing.WizardPages;

/** The desk kit's SMS step against a real server: masked phone, countdown, resend held back, a wrong code's tries left, the right code. */
class SmsCodePageTest {

    private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
    private RunningRegistry registry;
    private WizardDialog dialog;
    private SmsCodePage page;

    @BeforeEach
    void open() throws Exception {
        registry = new RunningRegistry(context, Display.getCurrent());
        page = new SmsCodePage(WizardPages.turkish(context, DeskMessages.class), registry.connector);
        dialog = WizardPages.openAlone(page);
    }

    @AfterEach
    void close() throws Exception {
        if (dialog != null) {
            dialog.close();
        }
        registry.close();
    }

    @Test
    void theCodeGoesToTheMaskedPhoneCountsDownAndAWrongOneSaysHowManyTriesAreLeft() throws Exception {
        registry.connector.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
        String verification = registry.verificationCode(DemoData.AYSE, "PIN_UNBLOCK");
        DeskSession session = registry.connector.openSession(new OpenSessionRequest("PIN_UNBLOCK", verification, null, null));

        page.forSession(session.sessionId());
        String status = ((Label) Widgets.findByRole(dialog.getShell(), "wizard.sms.status", false)).getText();
        assertEquals("+90 5** *** ** 67 numarasına 6 haneli kod gönderildi.", status);
        String countdown = ((Label) Widgets.findByRole(dialog.getShell(), "wizard.sms.countdown", false)).getText();
        assertTrue(countdown.matches("SMS kodunun geçerlilik süresi: 0[23]:[0-5][0-9]"), countdown);
        assertFalse(((Button) Widgets.findByRole(dialog.getShell(), "wizard.sms.resend", false)).isEnabled(),
                "no resend during the cooldown");

        String right = registry.lastSmsCode();
        Text code = (Text) Widgets.findByRole(dialog.getShell(), "wizard.sms.code", false);
        code.setText(right.equals("000000") ? "111111" : "000000");
        assertFalse(page.verify());
        assertEquals("SMS kodu yanlış. Kalan deneme: 2", page.getErrorMessage());
        code.setText(right);
        assertTrue(page.verify());
        assertEquals("OTP_VERIFIED", registry.connector.session(session.sessionId()).state());
    }
}
