package org.regdesk.ui.operations.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.junit.jupiter.api.Test;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.PinStatus;
import org.regdesk.server.store.DemoData;
import org.regdesk.ui.desk.testing.DeskEndToEnd;
import org.regdesk.ui.desk.testing.RunningRegistry;
import org.regdesk.ui.desk.testing.WizardDriver;
import org.regdesk.ui.unblock.internal.Messages;
import org.regdesk.ui.unblock.internal.UnblockWizard;

/**
 * The whole "PIN Oluşturma / Kilit Çözme" wizard as an operator drives it: a real regdesk-server, a
 * reference card in a vsmartcard reader of the machine's pcscd, the workstation's PC/SC driver, buttons
 * pressed and keypads tapped. Both ways in (portal code, operator identity check) and the faults the
 * desk meets: a wrong SMS code, the card pulled in the middle of the write, the server going away.
 * Each step is photographed for docs/OPERATOR-GUIDE.md (target/screenshots).
 */
class UnblockEndToEndTest extends DeskEndToEnd {

    private static final String NEW_PIN = "749215";

    @Test
    void withThePortalCodeTheCardGetsItsFirstPinAfterAWrongSmsCodeAndAPulledCard() throws Exception {
        insertCard(DemoData.DEMO_CARD, "AYŞE YILMAZ", DemoData.AYSE.value());
        String code = registry.verificationCode(DemoData.AYSE, "PIN_UNBLOCK");
        openWizard();
        assertEquals("", wizard.label("wizard.session.countdown").getText(), "no session yet, no countdown");
        wizard.text("wizard.code").setText(code.substring(0, 5) + " " + code.substring(5, 10) + " " + code.substring(10));
        wizard.screenshot("unblock-1-identity");
        wizard.next();

        wizard.assertPage("card");
        assertEquals("Vatandaş: AYŞE YILMAZ (10000000146)", wizard.label("wizard.citizen").getText());
        RunningRegistry.waitUntil(display, "the session countdown",
                () -> wizard.label("wizard.session.countdown").getText().matches("Oturumun kalan süresi: 1[45]:[0-5][0-9]"));
        wizard.choose("wizard.cards", 1, DemoData.DEMO_CARD);
        wizard.screenshot("unblock-2-card");
        wizard.next();

        wizard.assertPage("pin");
        WizardDriver.press(wizard.control("wizard.pin.scrambled")); // the digits move; the test taps them by their labels
        wizard.typePin("wizard.pin.first", NEW_PIN);
        wizard.typePin("wizard.pin.second", NEW_PIN);
        assertTrue(wizard.dialog.getCurrentPage().isPageComplete(), wizard.label("wizard.pin.rules").getText());
        wizard.screenshot("unblock-3-pin");
        wizard.next();

        wizard.assertPage("sms");
        wizard.text("wizard.sms.code").setText("000000".equals(registry.lastSmsCode()) ? "111111" : "000000");
        wizard.next();
        wizard.assertPage("sms");
        assertEquals("SMS kodu yanlış. Kalan deneme: 2", wizard.errorMessage());
        wizard.text("wizard.sms.code").setText(registry.lastSmsCode());
        wizard.screenshot("unblock-4-sms");

        card.removeAtUnblock(); // the citizen takes the card while the new PIN is being written
        wizard.next();
        RunningRegistry.waitUntil(display, "Tekrar Dene", () -> wizard.control("wizard.write.retry").isEnabled());
        wizard.assertPage("write");
        assertEquals(desk().cardProblem_CARD_REMOVED, wizard.errorMessage());
        wizard.screenshot("unblock-5-card-pulled");

        RunningRegistry.waitUntil(display, "the desk to see the card gone", () -> cardIn(DemoData.DEMO_CARD) == null);
        card.insert();
        awaitCard(DemoData.DEMO_CARD);
        WizardDriver.press(wizard.control("wizard.write.retry"));
        wizard.awaitDone();
        assertEquals("write", wizard.page(), "the result shows on the write page: five screens");
        assertTrue(wizard.label("wizard.result").getText().startsWith("RD0000000001 seri numaralı kartın yeni PIN'i oluşturuldu"),
                wizard.label("wizard.result").getText());
        RunningRegistry.waitUntil(display, "the countdown to stop with the session",
                () -> wizard.label("wizard.session.countdown").getText().isEmpty());
        wizard.screenshot("unblock-6-result");
        assertFalse(wizard.button(IDialogConstants.BACK_ID).isEnabled());
        assertFalse(wizard.button(IDialogConstants.CANCEL_ID).isEnabled(), "nothing to cancel once the card has its PIN");
        wizard.finish();

        assertCardTakes(DemoData.DEMO_CARD, NEW_PIN);
        List<String> steps = auditSteps();
        assertEquals(List.of("SESSION_OPEN ACCEPTED", "OTP_SEND SENT", "OTP_VERIFY WRONG_CODE", "OTP_VERIFY ACCEPTED",
                "UNBLOCK_AUTHORIZE GRANTED", "UNBLOCK_COMPLETE FAILED", "UNBLOCK_AUTHORIZE GRANTED",
                "UNBLOCK_COMPLETE SUCCEEDED"), steps);
        assertTrue(registry.auditLog().contains("CARD_REMOVED"), "the pulled card is in the audit log with its reason");
    }

    @Test
    void theOperatorsIdentityCheckLeadsToTheSameWriteAndAnUnreachableServerIsRetried() throws Exception {
        insertCard("RD0000000002", "MEHMET KAYA", DemoData.MEHMET.value());
        openWizard();
        WizardDriver.press(wizard.control("wizard.assisted"));
        wizard.text("wizard.tckn").setText(DemoData.MEHMET.value());
        wizard.text("wizard.document").setText("B98C76543");
        wizard.screenshot("unblock-1b-assisted");
        wizard.next();
        wizard.assertPage("card");
        wizard.choose("wizard.cards", 1, "RD0000000002");
        wizard.next();
        wizard.typePin("wizard.pin.first", NEW_PIN);
        wizard.typePin("wizard.pin.second", NEW_PIN);
        wizard.next();
        wizard.assertPage("sms");
        wizard.text("wizard.sms.code").setText(registry.lastSmsCode());

        registry.stopServer(display);
        wizard.next();
        wizard.assertPage("sms");
        assertTrue(wizard.errorMessage().startsWith("Kayıt sunucusuna ulaşılamıyor"), wizard.errorMessage());
        wizard.screenshot("unblock-4b-server-unreachable");

        registry.startServer(display);
        wizard.text("wizard.sms.code").setText(registry.lastSmsCode());
        wizard.next();
        wizard.awaitDone();
        wizard.finish();
        assertCardTakes("RD0000000002", NEW_PIN);
        assertEquals(List.of("SESSION_OPEN ACCEPTED", "OTP_SEND SENT", "OTP_VERIFY ACCEPTED", "UNBLOCK_AUTHORIZE GRANTED",
                "UNBLOCK_COMPLETE SUCCEEDED"), auditSteps(), "the request sent while the server was down never arrived");
    }

    @Test
    void anExpiredSessionSendsTheOperatorBackForANewCode() throws Exception {
        insertCard(DemoData.DEMO_CARD, "AYŞE YILMAZ", DemoData.AYSE.value());
        String code = registry.verificationCode(DemoData.AYSE, "PIN_UNBLOCK");
        openWizard();
        wizard.text("wizard.code").setText(code);
        wizard.next();
        wizard.choose("wizard.cards", 1, DemoData.DEMO_CARD);
        wizard.next();
        wizard.typePin("wizard.pin.first", NEW_PIN);
        wizard.typePin("wizard.pin.second", NEW_PIN);

        registry.expireOpenSessions(); // the citizen took too long
        wizard.next();
        RunningRegistry.waitUntil(display, "back on the first page", () -> "identity".equals(wizard.page()));
        assertEquals(desk().wizard_sessionExpired, wizard.errorMessage());
        assertEquals("", wizard.text("wizard.code").getText());
        assertFalse(wizard.button(IDialogConstants.NEXT_ID).isEnabled(), "a new code is needed");
        RunningRegistry.waitUntil(display, "the countdown to stop", () -> wizard.label("wizard.session.countdown").getText().isEmpty());
        wizard.screenshot("unblock-7-session-expired");
        try (CardSession session = cards.open(DemoData.DEMO_CARD)) {
            assertEquals(PinStatus.State.NOT_SET, session.pinStatus().state(), "nothing was written");
        }
        assertTrue(auditSteps().contains("SESSION_EXPIRED EXPIRED"), auditSteps().toString());
    }

    // ---- the desk around the wizard ----------------------------------------------------------------

    private void openWizard() {
        wizard = new WizardDriver(UnblockWizard.dialog(display.getShells()[0], turkish(Messages.class), desk(), registry.connector,
                registry.connector, cards));
    }

    private List<String> auditSteps() throws Exception {
        return auditSteps("SESSION|OTP|UNBLOCK");
    }
}
