package org.regdesk.ui.workstation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.regdesk.backend.api.Purpose;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.card.api.CardService;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.CardView;
import org.regdesk.card.api.PinStatus;
import org.regdesk.server.registry.Registry;
import org.regdesk.server.store.DemoData;
import org.regdesk.ui.workstation.l10n.Messages;
import org.regdesk.ui.workstation.wizards.UnblockWizard;

/**
 * The whole "PIN Oluşturma / Kilit Çözme" wizard as an operator drives it: a real regdesk-server, a
 * reference card in a vsmartcard reader of the machine's pcscd, the workstation's PC/SC driver, buttons
 * pressed and keypads tapped. Both ways in (portal code, operator identity check) and the faults the
 * desk meets: a wrong SMS code, the card pulled in the middle of the write, the server going away.
 * Each step is photographed for docs/OPERATOR-GUIDE.md (target/screenshots).
 */
class UnblockEndToEndTest {

    private static final int READER_0 = 35963;
    private static final String NEW_PIN = "749215";

    private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
    private Display display;
    private MApplication application;
    private RunningRegistry registry;
    private CardService cards;
    private CardTooling.VirtualCard card;
    private WizardDialog dialog;

    @BeforeEach
    void startAndSignIn() throws Exception {
        CardTooling.requirePcscd();
        display = Display.getCurrent();
        application = context.getService(context.getServiceReference(IWorkbench.class)).getApplication();
        registry = RunningRegistry.withDemoCardKey(context, display);
        OperatorSignedIn operator = registry.connector.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
        application.getContext().set(OperatorSignedIn.class, operator);
        cards = context.getService(context.getServiceReference(CardService.class));
    }

    @AfterEach
    void stop() throws Exception {
        if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
        if (card != null) {
            card.close();
            RunningRegistry.waitUntil(display, "the card to leave", () -> cardIn("RD") == null);
        }
        if (application != null) {
            application.getContext().remove(OperatorSignedIn.class);
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void withThePortalCodeTheCardGetsItsFirstPinAfterAWrongSmsCodeAndAPulledCard() throws Exception {
        card = CardTooling.insert(READER_0, DemoData.DEMO_CARD, "AYŞE YILMAZ", DemoData.AYSE.value());
        awaitCard(DemoData.DEMO_CARD);
        Registry backend = context.getService(context.getServiceReference(Registry.class));
        String code = backend.issueCode(DemoData.AYSE, Purpose.PIN_UNBLOCK).orElseThrow().digits();
        openWizard();
        assertEquals("", label("wizard.session.countdown").getText(), "no session yet, no countdown");
        text("wizard.code").setText(code.substring(0, 5) + " " + code.substring(5, 10) + " " + code.substring(10));
        Screenshots.take(dialog.getShell(), "unblock-1-identity");
        next();

        assertPage("card");
        assertEquals("Vatandaş: AYŞE YILMAZ (10000000146)", label("wizard.citizen").getText());
        RunningRegistry.waitUntil(display, "the session countdown",
                () -> label("wizard.session.countdown").getText().matches("Kalan Süre: 1[45]:[0-5][0-9]"));
        chooseCard(DemoData.DEMO_CARD);
        Screenshots.take(dialog.getShell(), "unblock-2-card");
        next();

        assertPage("pin");
        typePin("wizard.pin.first", NEW_PIN);
        typePin("wizard.pin.second", NEW_PIN);
        assertTrue(dialog.getCurrentPage().isPageComplete(), label("wizard.pin.rules").getText());
        Screenshots.take(dialog.getShell(), "unblock-3-pin");
        next();

        assertPage("sms");
        text("wizard.sms.code").setText("000000".equals(registry.lastSmsCode()) ? "111111" : "000000");
        next();
        assertPage("sms");
        assertEquals("SMS kodu yanlış. Kalan deneme: 2", errorMessage());
        text("wizard.sms.code").setText(registry.lastSmsCode());
        Screenshots.take(dialog.getShell(), "unblock-4-sms");

        card.removeAtUnblock(); // the citizen takes the card while the new PIN is being written
        next();
        awaitRetryOffered();
        assertPage("write");
        assertEquals(messages().wizard_cardRemoved, errorMessage());
        Screenshots.take(dialog.getShell(), "unblock-5-card-pulled");

        RunningRegistry.waitUntil(display, "the desk to see the card gone", () -> cardIn(DemoData.DEMO_CARD) == null);
        card.insert();
        awaitCard(DemoData.DEMO_CARD);
        press(control("wizard.write.retry"));
        awaitResult();
        assertTrue(label("wizard.result").getText().startsWith("RD0000000001 seri numaralı kartın yeni PIN'i oluşturuldu"),
                label("wizard.result").getText());
        RunningRegistry.waitUntil(display, "the countdown to stop with the session",
                () -> label("wizard.session.countdown").getText().isEmpty());
        Screenshots.take(dialog.getShell(), "unblock-6-result");
        assertFalse(button(IDialogConstants.BACK_ID).isEnabled());
        press(button(IDialogConstants.FINISH_ID));
        assertTrue(dialog.getShell() == null || dialog.getShell().isDisposed());

        assertCardTakes(DemoData.DEMO_CARD, NEW_PIN);
        List<String> steps = auditSteps();
        assertEquals(List.of("SESSION_OPEN ACCEPTED", "OTP_SEND SENT", "OTP_VERIFY WRONG_CODE", "OTP_VERIFY ACCEPTED",
                "UNBLOCK_AUTHORIZE GRANTED", "UNBLOCK_COMPLETE FAILED", "UNBLOCK_AUTHORIZE GRANTED",
                "UNBLOCK_COMPLETE SUCCEEDED"), steps);
        assertTrue(registry.auditLog().contains("CARD_REMOVED"), "the pulled card is in the audit log with its reason");
    }

    @Test
    void theOperatorsIdentityCheckLeadsToTheSameWriteAndAnUnreachableServerIsRetried() throws Exception {
        card = CardTooling.insert(READER_0, "RD0000000002", "MEHMET KAYA", DemoData.MEHMET.value());
        awaitCard("RD0000000002");
        openWizard();
        press(control("wizard.assisted"));
        text("wizard.tckn").setText(DemoData.MEHMET.value());
        text("wizard.document").setText("B98C76543");
        Screenshots.take(dialog.getShell(), "unblock-1b-assisted");
        next();
        assertPage("card");
        chooseCard("RD0000000002");
        next();
        typePin("wizard.pin.first", NEW_PIN);
        typePin("wizard.pin.second", NEW_PIN);
        next();
        assertPage("sms");
        text("wizard.sms.code").setText(registry.lastSmsCode());

        registry.stopServer(display);
        next();
        assertPage("sms");
        assertTrue(errorMessage().startsWith("Kayıt sunucusuna ulaşılamıyor"), errorMessage());
        Screenshots.take(dialog.getShell(), "unblock-4b-server-unreachable");

        registry.startServer(display);
        text("wizard.sms.code").setText(registry.lastSmsCode());
        next();
        awaitResult();
        press(button(IDialogConstants.FINISH_ID));
        assertCardTakes("RD0000000002", NEW_PIN);
        assertEquals(List.of("SESSION_OPEN ACCEPTED", "OTP_SEND SENT", "OTP_VERIFY ACCEPTED", "UNBLOCK_AUTHORIZE GRANTED",
                "UNBLOCK_COMPLETE SUCCEEDED"), auditSteps(), "the request sent while the server was down never arrived");
    }

    @Test
    void anExpiredSessionSendsTheOperatorBackForANewCode() throws Exception {
        card = CardTooling.insert(READER_0, DemoData.DEMO_CARD, "AYŞE YILMAZ", DemoData.AYSE.value());
        awaitCard(DemoData.DEMO_CARD);
        Registry backend = context.getService(context.getServiceReference(Registry.class));
        String code = backend.issueCode(DemoData.AYSE, Purpose.PIN_UNBLOCK).orElseThrow().digits();
        openWizard();
        text("wizard.code").setText(code);
        next();
        chooseCard(DemoData.DEMO_CARD);
        next();
        typePin("wizard.pin.first", NEW_PIN);
        typePin("wizard.pin.second", NEW_PIN);

        registry.expireOpenSessions(); // the citizen took too long
        next();
        RunningRegistry.waitUntil(display, "back on the first page", () -> "identity".equals(dialog.getCurrentPage().getName()));
        assertEquals(messages().wizard_sessionExpired, errorMessage());
        assertEquals("", text("wizard.code").getText());
        assertFalse(button(IDialogConstants.NEXT_ID).isEnabled(), "a new code is needed");
        RunningRegistry.waitUntil(display, "the countdown to stop", () -> label("wizard.session.countdown").getText().isEmpty());
        Screenshots.take(dialog.getShell(), "unblock-7-session-expired");
        try (CardSession session = cards.open(DemoData.DEMO_CARD)) {
            assertEquals(PinStatus.State.NOT_SET, session.pinStatus().state(), "nothing was written");
        }
        assertTrue(auditSteps().contains("SESSION_EXPIRED EXPIRED"), auditSteps().toString());
    }

    // ---- driving the wizard like an operator ------------------------------------------------------

    private void openWizard() {
        dialog = UnblockWizard.dialog(display.getShells()[0], messages(), registry.connector, cards);
        dialog.setBlockOnOpen(false);
        dialog.open();
    }

    private Messages messages() {
        return WizardPages.turkish(context);
    }

    private void next() {
        press(button(IDialogConstants.NEXT_ID));
        RunningRegistry.pump(display, 100);
    }

    private void chooseCard(String serial) {
        Table table = (Table) control("wizard.cards");
        for (int i = 0; i < table.getItemCount(); i++) {
            if (table.getItem(i).getText(1).equals(serial)) {
                table.setSelection(i);
                Event event = new Event();
                event.item = table.getItem(i);
                table.notifyListeners(SWT.Selection, event);
                return;
            }
        }
        throw new AssertionError("card " + serial + " is not listed");
    }

    private void typePin(String keypadRole, String pin) {
        Control keypad = control(keypadRole);
        for (char digit : pin.toCharArray()) {
            press(Widgets.findByRole(keypad, "keypad.digit." + digit, false));
        }
    }

    private void awaitResult() {
        try {
            RunningRegistry.waitUntil(display, "the result page", () -> "result".equals(dialog.getCurrentPage().getName()));
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + " on page " + dialog.getCurrentPage().getName() + ": "
                    + errorMessage());
        }
    }

    private void awaitRetryOffered() {
        RunningRegistry.waitUntil(display, "Tekrar Dene", () -> control("wizard.write.retry").isEnabled());
    }

    private void awaitCard(String serial) {
        RunningRegistry.waitUntil(display, "card " + serial + " in a reader", () -> cardIn(serial) != null);
    }

    private CardView cardIn(String serialPrefix) {
        return cards.readers().stream()
                .filter(view -> view.card().map(identity -> identity.serialNumber().startsWith(serialPrefix)).orElse(false))
                .findFirst().orElse(null);
    }

    private void assertCardTakes(String serial, String pin) throws Exception {
        try (CardSession session = cards.open(serial)) {
            assertEquals(PinStatus.State.READY, session.pinStatus().state());
            session.verifyPin(pin.toCharArray()); // the right PIN: no try is used up
        }
    }

    /** "ACTION OUTCOME" of every audit record about desk sessions, in order. */
    private List<String> auditSteps() throws Exception {
        List<String> steps = new ArrayList<>();
        Matcher record = Pattern.compile("\"action\":\"((?:SESSION|OTP|UNBLOCK)_[A-Z_]+)\".*?\"outcome\":\"([A-Z_]+)\"")
                .matcher(registry.auditLog());
        while (record.find()) {
            steps.add(record.group(1) + " " + record.group(2));
        }
        return steps;
    }

    private void assertPage(String name) {
        assertEquals(name, dialog.getCurrentPage().getName(), () -> "on page " + dialog.getCurrentPage().getName()
                + ", error: " + errorMessage());
    }

    private String errorMessage() {
        return ((WizardPage) dialog.getCurrentPage()).getErrorMessage();
    }

    private Control control(String role) {
        Control found = Widgets.findByRole(dialog.getShell(), role, true);
        assertTrue(found != null, "no visible widget " + role);
        return found;
    }

    private Label label(String role) {
        return (Label) control(role);
    }

    private Text text(String role) {
        return (Text) control(role);
    }

    private Button button(int id) {
        Button found = find(dialog.getShell(), id);
        assertTrue(found != null, "no dialog button " + id);
        return found;
    }

    private static Button find(Control control, int id) {
        if (control instanceof Button button && Integer.valueOf(id).equals(button.getData())) {
            return button;
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            for (Control child : composite.getChildren()) {
                Button found = find(child, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A click as the widget sees it: radio buttons are selected first, as GTK does. */
    private static void press(Control control) {
        assertTrue(control.isEnabled(), () -> control + " is disabled");
        if (control instanceof Button button && (button.getStyle() & SWT.RADIO) != 0) {
            for (Control sibling : button.getParent().getChildren()) {
                if (sibling instanceof Button other && (other.getStyle() & SWT.RADIO) != 0) {
                    other.setSelection(other == button);
                }
            }
        }
        control.notifyListeners(SWT.Selection, new Event());
    }
}
