package org.regdesk.ui.workstation.tests;

import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.card.api.CardService;
import org.regdesk.card.api.CardSession;
import org.regdesk.server.store.DemoData;
import org.regdesk.ui.desk.testing.RunningRegistry;
import org.regdesk.unblock.UnblockFlow;

/** The demo card comes without a PIN: it gets one the way the desk gives it (code, SMS, card write). */
final class DemoCardPin {

    private DemoCardPin() {
    }

    static void give(RunningRegistry registry, CardService cards, String pin) throws Exception {
        DeskSession session = registry.connector.openSession(new OpenSessionRequest("PIN_UNBLOCK",
                registry.verificationCode(DemoData.AYSE, "PIN_UNBLOCK"), null, null));
        registry.connector.sendOtp(session.sessionId());
        registry.connector.verifyOtp(session.sessionId(), registry.lastSmsCode());
        try (CardSession open = cards.open(DemoData.DEMO_CARD)) {
            new UnblockFlow(registry.connector).unblock(session.sessionId(), session.cards().get(0), open, pin.toCharArray());
        }
    }
}
