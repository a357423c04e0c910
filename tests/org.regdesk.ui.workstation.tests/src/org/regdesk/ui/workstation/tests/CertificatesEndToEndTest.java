package org.regdesk.ui.workstation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.regdesk.backend.api.desk.DeskApi;
import org.regdesk.server.store.DemoData;
import org.regdesk.ui.certificates.internal.CertificatesWizard;
import org.regdesk.ui.certificates.internal.Messages;
import org.regdesk.ui.desk.testing.DeskEndToEnd;
import org.regdesk.ui.desk.testing.WizardDriver;

/**
 * "Sertifika İşlemleri" as an operator drives it for a citizen who lost her card: portal code, SMS code,
 * her certificates as the reference CA holds them (the card's certificate was handed to it when the card
 * was made), suspend, resume when the card turns up, then revoke with a reason, confirmed twice. The
 * CRL the server publishes is read after each step. Each step is photographed for the operator guide.
 */
class CertificatesEndToEndTest extends DeskEndToEnd {

    @Test
    void aLostCardsCertificateIsSuspendedResumedAndRevokedWithTwoConfirmations() throws Exception {
        insertCard(DemoData.DEMO_CARD, "AYŞE YILMAZ", DemoData.AYSE.value());
        Messages messages = turkish(Messages.class);
        wizard = new WizardDriver(CertificatesWizard.dialog(display.getShells()[0], messages, desk(), registry.connector,
                (DeskApi) registry.connector)); // as the handler gets it: the connector component registers both roles
        wizard.text("wizard.code").setText(registry.verificationCode(DemoData.AYSE, "CERTIFICATE_STATUS"));
        wizard.next();
        wizard.assertPage("sms");
        wizard.text("wizard.sms.code").setText(registry.lastSmsCode());
        wizard.next();

        wizard.awaitPage("certificates");
        Table table = (Table) wizard.control("certificates.table");
        assertEquals(1, table.getItemCount(), "the card's one certificate");
        assertEquals(List.of(DemoData.DEMO_CARD, "RSA-2048", "Geçerli"), List.of(table.getItem(0).getText(0),
                table.getItem(0).getText(2), table.getItem(0).getText(4)));
        String serial = table.getItem(0).getText(1);
        wizard.choose("certificates.table", 1, serial);
        assertTrue(wizard.control("certificates.suspend").isEnabled() && !wizard.control("certificates.resume").isEnabled(),
                "a valid certificate can be suspended, not resumed");
        wizard.screenshot("certificates-1-list");

        WizardDriver.press(wizard.control("certificates.suspend"));
        assertTrue(table.getItem(0).getText(4).startsWith("Askıda ("), table.getItem(0).getText(4));
        assertTrue(wizard.label("certificates.result").getText().startsWith(serial + " seri numaralı sertifika askıya alındı"),
                wizard.label("certificates.result").getText());
        assertTrue(crlLists(serial), "the published CRL holds the suspension");
        wizard.screenshot("certificates-2-suspended");

        WizardDriver.press(wizard.control("certificates.resume"));
        assertEquals("Geçerli", table.getItem(0).getText(4));
        assertFalse(crlLists(serial), "off the CRL again");

        WizardDriver.press(wizard.control("certificates.revoke"));
        Button confirm = (Button) wizard.control("certificates.revokeConfirm");
        assertFalse(confirm.isEnabled(), "no reason, no confirmation yet");
        Combo reason = (Combo) wizard.control("certificates.reason");
        reason.select(1); // cessation of operation: the card is lost for good
        reason.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertFalse(confirm.isEnabled(), "the citizen has not confirmed yet");
        WizardDriver.press(wizard.control("certificates.understood"));
        assertTrue(wizard.label("certificates.consequences").getText().startsWith("İptal kesindir, geri alınamaz."));
        wizard.screenshot("certificates-3-revoke");
        WizardDriver.press(confirm);
        assertEquals(serial + " seri numaralı sertifika şimdi KALICI OLARAK iptal edilecek. Son kez onaylıyor musunuz?",
                wizard.label("certificates.revokeFinal").getText());
        assertEquals("Geçerli", table.getItem(0).getText(4), "nothing revoked before the second yes");
        wizard.screenshot("certificates-4-final");
        WizardDriver.press(wizard.control("certificates.revokeYes"));

        assertTrue(table.getItem(0).getText(4).startsWith("İptal (kullanım sona erdi"), table.getItem(0).getText(4));
        assertTrue(crlLists(serial));
        wizard.choose("certificates.table", 1, serial);
        assertFalse(wizard.control("certificates.resume").isEnabled() || wizard.control("certificates.suspend").isEnabled()
                || wizard.control("certificates.revoke").isEnabled(), "revocation is final");
        wizard.screenshot("certificates-5-revoked");
        wizard.finish();
        assertEquals(List.of("CERTIFICATE_SUSPEND ACCEPTED", "CERTIFICATE_RESUME ACCEPTED", "CERTIFICATE_REVOKE ACCEPTED"),
                auditSteps("CERTIFICATE"));
        assertEquals(List.of("CERTIFICATES_DONE COMPLETED"), auditSteps("CERTIFICATES").stream()
                .filter(step -> step.startsWith("CERTIFICATES_DONE")).toList(), "Finish ends the session completed, not aborted");
    }

    /** Whether the CRL the server publishes now lists the certificate (by its hex serial). */
    private boolean crlLists(String serialHex) throws Exception {
        java.security.cert.X509CRL parsed = (java.security.cert.X509CRL) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCRL(new java.io.ByteArrayInputStream(registry.download("/crl/regdesk-test-ca.crl")));
        return parsed.getRevokedCertificate(new java.math.BigInteger(serialHex, 16)) != null;
    }
}
