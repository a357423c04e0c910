package org.regdesk.ui.operations.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.testing.Widgets;
import org.regdesk.ui.desk.testing.WizardPages;
import org.regdesk.ui.unblock.internal.Messages;
import org.regdesk.ui.unblock.internal.PinPage;
import org.regdesk.unblock.PinPolicy;

/** The wizard's PIN step: two keypads, every broken rule listed in Turkish as the citizen types, Next only for a good PIN. */
class PinPageTest {

    private WizardDialog dialog;
    private PinPage page;

    @BeforeEach
    void open() {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        page = new PinPage(WizardPages.turkish(context, Messages.class), WizardPages.turkish(context, DeskMessages.class),
                PinPolicy.sixToTwelveDigits());
        dialog = WizardPages.openAlone(page);
        page.forCitizen("10000000146", LocalDate.of(1985, 4, 12));
    }

    @AfterEach
    void close() {
        dialog.close();
    }

    private void type(String keypadRole, String digits) {
        Control keypad = Widgets.findByRole(dialog.getShell(), keypadRole, false);
        for (char digit : digits.toCharArray()) {
            Widgets.findByRole(keypad, "keypad.digit." + digit, false).notifyListeners(SWT.Selection, new Event());
        }
    }

    private String rules() {
        return ((Label) Widgets.findByRole(dialog.getShell(), "wizard.pin.rules", false)).getText();
    }

    @Test
    void badPinsAreExplainedAndOnlyAGoodOneTypedTwiceLetsTheWizardGoOn() {
        type("wizard.pin.first", "123456");
        assertTrue(rules().contains("Ardışık rakamlar olamaz"), rules());
        assertTrue(rules().contains("İki giriş aynı değil"), rules());
        assertFalse(page.isPageComplete());

        Widgets.findByRole(Widgets.findByRole(dialog.getShell(), "wizard.pin.first", false), "keypad.clear", false)
                .notifyListeners(SWT.Selection, new Event());
        type("wizard.pin.first", "120485");
        type("wizard.pin.second", "120485");
        assertEquals("Doğum tarihinden oluşamaz.", rules());
        assertFalse(page.isPageComplete());

        for (String role : new String[] { "wizard.pin.first", "wizard.pin.second" }) {
            Widgets.findByRole(Widgets.findByRole(dialog.getShell(), role, false), "keypad.clear", false)
                    .notifyListeners(SWT.Selection, new Event());
            type(role, "482915");
        }
        assertEquals("✓ İki giriş aynı.", rules());
        assertTrue(page.isPageComplete());
        char[] pin = page.pin();
        assertEquals("482915", new String(pin));
    }
}
