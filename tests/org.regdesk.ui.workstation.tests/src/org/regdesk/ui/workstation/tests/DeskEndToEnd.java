package org.regdesk.ui.workstation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.card.api.CardService;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.CardView;
import org.regdesk.card.api.PinStatus;
import org.regdesk.server.store.DemoData;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.unblock.internal.Messages;

/**
 * The desk around an end-to-end wizard test: a real regdesk-server with the demo cards' keys and CA,
 * operator1 signed in, the workstation's card service over pcscd, a virtual card, the open wizard.
 */
abstract class DeskEndToEnd {

    static final int READER_0 = 35963;

    final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
    Display display;
    MApplication application;
    RunningRegistry registry;
    CardService cards;
    CardTooling.VirtualCard card;
    WizardDriver wizard;

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
        if (wizard != null) {
            wizard.close();
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

    Messages unblockMessages() {
        return WizardPages.turkish(context, Messages.class);
    }

    org.regdesk.ui.eonay.internal.Messages eOnayMessages() {
        return WizardPages.turkish(context, org.regdesk.ui.eonay.internal.Messages.class);
    }

    org.regdesk.ui.applications.internal.Messages applicationsMessages() {
        return WizardPages.turkish(context, org.regdesk.ui.applications.internal.Messages.class);
    }

    DeskMessages desk() {
        return WizardPages.turkish(context, DeskMessages.class);
    }

    void insertCard(String serial, String holder, String tckn) throws Exception {
        card = CardTooling.insert(READER_0, serial, holder, tckn);
        awaitCard(serial);
    }

    void awaitCard(String serial) {
        RunningRegistry.waitUntil(display, "card " + serial + " in a reader", () -> cardIn(serial) != null);
    }

    CardView cardIn(String serialPrefix) {
        return cards.readers().stream()
                .filter(view -> view.card().map(identity -> identity.serialNumber().startsWith(serialPrefix)).orElse(false))
                .findFirst().orElse(null);
    }

    void assertCardTakes(String serial, String pin) throws Exception {
        try (CardSession session = cards.open(serial)) {
            assertEquals(PinStatus.State.READY, session.pinStatus().state());
            session.verifyPin(pin.toCharArray()); // the right PIN: no try is used up
        }
    }

    /** "ACTION OUTCOME" of every audit record of these prefixes, in order. */
    List<String> auditSteps(String actions) throws Exception {
        List<String> steps = new ArrayList<>();
        Matcher record = Pattern.compile("\"action\":\"((?:" + actions + ")_[A-Z_]+)\".*?\"outcome\":\"([A-Z_]+)\"")
                .matcher(registry.auditLog());
        while (record.find()) {
            steps.add(record.group(1) + " " + record.group(2));
        }
        return steps;
    }
}
