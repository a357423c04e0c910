package org.regdesk.ui.workstation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.regdesk.server.store.DemoData;
import org.regdesk.ui.applications.internal.ApplicationsDialog;
import org.regdesk.ui.desk.testing.DeskEndToEnd;
import org.regdesk.ui.desk.testing.Screenshots;
import org.regdesk.ui.desk.testing.Widgets;
import org.regdesk.ui.desk.testing.UiStalls;
import org.regdesk.ui.desk.testing.WizardDriver;
import org.regdesk.ui.eonay.internal.EOnayWizard;

/**
 * "E-Onay İşlemleri" as an operator drives it, against a real server and AYŞE's reference card behind
 * pcscd: the status first, the text with version and SHA-256, the certificate and PIN (a wrong one
 * first), the card's signature checked and recorded by the registry; then the withdrawal the same way.
 * Each step is photographed for the operator guide.
 */
class EOnayEndToEndTest extends DeskEndToEnd {

    private static final String PIN = "749215";

    @Test
    void aCitizenGivesEOnayWithTheCardAndWithdrawsIt() throws Exception {
        insertCard(DemoData.DEMO_CARD, "AYŞE YILMAZ", DemoData.AYSE.value());
        DemoCardPin.give(registry, cards, PIN);

        UiStalls stalls = UiStalls.watch(display, "E-Onay given at the desk");
        openWizard(registry.verificationCode(DemoData.AYSE, "E_ONAY"));
        wizard.awaitPage("status");
        assertEquals("AYŞE YILMAZ henüz E-Onay vermemiş. Onay metnini nitelikli sertifikasıyla imzalayarak verebilir.",
                wizard.label("eonay.status").getText());
        wizard.screenshot("eonay-1-status");
        wizard.next();

        wizard.assertPage("text");
        assertTrue(wizard.text("eonay.text").getText().endsWith("KABUL EDİYORUM."));
        assertTrue(wizard.label("eonay.text.meta").getText().startsWith("Sürüm 1 · SHA-256 "), wizard.label("eonay.text.meta").getText());
        assertFalse(wizard.dialog.getCurrentPage().isPageComplete(), "the operator confirms the citizen read it");
        WizardDriver.press(wizard.control("eonay.text.read"));
        wizard.screenshot("eonay-2-text");
        wizard.next();

        wizard.assertPage("sign");
        wizard.choose("eonay.certificates", 0, DemoData.DEMO_CARD);
        wizard.typePin("eonay.pin", "000000");
        wizard.next();
        wizard.assertPage("sign");
        assertEquals("PIN yanlış. Kalan deneme: 2", wizard.errorMessage());
        wizard.typePin("eonay.pin", PIN);
        wizard.screenshot("eonay-3-sign");
        wizard.next();

        wizard.awaitPage("result");
        assertTrue(wizard.label("wizard.result").getText().startsWith("E-Onay kaydedildi"), wizard.label("wizard.result").getText());
        wizard.screenshot("eonay-4-result");
        wizard.finish();
        stalls.close(); // printed; the PNG encoding of the four screenshots runs on the UI thread and counts too
        assertEquals("GIVEN", registry.citizens().eOnayState(DemoData.AYSE).orElseThrow(), "what the portal shows");
        aRenewalRestsOnTheEOnayAndWaitsInTheQueue();

        openWizard(registry.verificationCode(DemoData.AYSE, "E_ONAY"));
        wizard.awaitPage("status");
        assertTrue(wizard.label("eonay.status").getText().startsWith("AYŞE YILMAZ, "), wizard.label("eonay.status").getText());
        assertFalse(wizard.button(org.eclipse.jface.dialogs.IDialogConstants.NEXT_ID).isEnabled(), "given: nothing to do but withdraw");
        WizardDriver.press(wizard.control("eonay.withdraw"));
        wizard.screenshot("eonay-5-withdraw");
        wizard.next();
        assertTrue(wizard.text("eonay.text").getText().contains("GERİ ÇEKİYORUM"));
        WizardDriver.press(wizard.control("eonay.text.read"));
        wizard.next();
        wizard.choose("eonay.certificates", 0, DemoData.DEMO_CARD);
        wizard.typePin("eonay.pin", PIN);
        wizard.next();
        wizard.awaitPage("result");
        assertTrue(wizard.label("wizard.result").getText().startsWith("E-Onay geri çekildi"));
        wizard.finish();
        assertEquals("WITHDRAWN", registry.citizens().eOnayState(DemoData.AYSE).orElseThrow());
        assertEquals(List.of("EONAY_TEXT_SHOWN CONSENT", "EONAY_SUBMIT RECORDED", "EONAY_TEXT_SHOWN WITHDRAWAL",
                "EONAY_SUBMIT RECORDED"), auditSteps("EONAY"));
    }

    private void aRenewalRestsOnTheEOnayAndWaitsInTheQueue() throws Exception {
        ApplicationsDialog applications = new ApplicationsDialog(display.getShells()[0], turkish(org.regdesk.ui.applications.internal.Messages.class), desk(), registry.connector);
        applications.setBlockOnOpen(false);
        applications.open();
        try {
            // nobody types a TCKN: the citizen is the one whose E-Onay this desk just recorded
            String applicant = ((org.eclipse.swt.widgets.Label) Widgets.findByRole(applications.getShell(), "applications.citizen", true))
                    .getText();
            assertTrue(applicant.startsWith("Başvuran: AYŞE YILMAZ (T.C. " + DemoData.AYSE.masked() + ")"), applicant);
            Combo kind = (Combo) Widgets.findByRole(applications.getShell(), "applications.kind", true);
            kind.select(1);
            WizardDriver.press(Widgets.findByRole(applications.getShell(), "applications.apply", true));
            Table queue = (Table) Widgets.findByRole(applications.getShell(), "applications.queue", true);
            assertEquals(1, queue.getItemCount());
            // AYŞE's certificate runs until 14.01.2029 in the registry: the renewal is ready two months before
            assertEquals(List.of(DemoData.AYSE.masked(), "AYŞE YILMAZ", "Yenileme", "bekliyor", "14.11.2028", "14.01.2029"),
                    List.of(queue.getItem(0).getText(0), queue.getItem(0).getText(1), queue.getItem(0).getText(2),
                            queue.getItem(0).getText(3), queue.getItem(0).getText(4), queue.getItem(0).getText(5)));
            Screenshots.take(applications.getShell(), "eonay-6-applications");
        } finally {
            applications.close();
        }
    }

    private void openWizard(String code) {
        wizard = new WizardDriver(EOnayWizard.dialog(display.getShells()[0], turkish(org.regdesk.ui.eonay.internal.Messages.class), desk(),
                registry.connector, registry.connector, cards));
        wizard.text("wizard.code").setText(code);
        wizard.next();
    }
}
