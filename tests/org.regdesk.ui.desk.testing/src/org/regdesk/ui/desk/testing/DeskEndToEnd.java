package org.regdesk.ui.desk.testing;

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

/**
 * The desk around an end-to-end wizard test: a real regdesk-server with the demo cards' keys and CA,
 * operator1 signed in, the workstation's card service over pcscd, a virtual card, the open wizard.
 */
public abstract class DeskEndToEnd {

    public static final int READER_0 = 35963;

    public final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
    public Display display;
    public MApplication application;
    public RunningRegistry registry;
    public CardService cards;
    public CardTooling.VirtualCard card;
    public WizardDriver wizard;

    @BeforeEach
    public void startAndSignIn() throws Exception {
        CardTooling.requirePcscd();
        display = Display.getCurrent();
        application = context.getService(context.getServiceReference(IWorkbench.class)).getApplication();
        registry = RunningRegistry.withDemoCardKey(context, display);
        OperatorSignedIn operator = registry.connector.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
        application.getContext().set(OperatorSignedIn.class, operator);
        cards = context.getService(context.getServiceReference(CardService.class));
    }

    @AfterEach
    public void stop() throws Exception {
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

    /** A bundle's texts as the Turkish desk shows them ({@code Messages} of an operation, {@code DeskMessages}). */
    public <M> M turkish(Class<M> messages) {
        return WizardPages.turkish(context, messages);
    }

    public DeskMessages desk() {
        return turkish(DeskMessages.class);
    }

    public void insertCard(String serial, String holder, String tckn) throws Exception {
        card = CardTooling.insert(READER_0, serial, holder, tckn, registry.issuedFolder());
        awaitCard(serial);
    }

    public void awaitCard(String serial) {
        RunningRegistry.waitUntil(display, "card " + serial + " in a reader", () -> cardIn(serial) != null);
    }

    public CardView cardIn(String serialPrefix) {
        return cards.readers().stream()
                .filter(view -> view.card().map(identity -> identity.serialNumber().startsWith(serialPrefix)).orElse(false))
                .findFirst().orElse(null);
    }

    public void assertCardTakes(String serial, String pin) throws Exception {
        try (CardSession session = cards.open(serial)) {
            assertEquals(PinStatus.State.READY, session.pinStatus().state());
            session.verifyPin(pin.toCharArray()); // the right PIN: no try is used up
        }
    }

    /** "ACTION OUTCOME" of every audit record of these prefixes, in order. */
    public List<String> auditSteps(String actions) throws Exception {
        List<String> steps = new ArrayList<>();
        Matcher record = Pattern.compile("\"action\":\"((?:" + actions + ")_[A-Z_]+)\".*?\"outcome\":\"([A-Z_]+)\"")
                .matcher(registry.auditLog());
        while (record.find()) {
            steps.add(record.group(1) + " " + record.group(2));
        }
        return steps;
    }
}
