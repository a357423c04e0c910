package org.regdesk.server.otp.internal;

import java.util.List;
import java.util.Map;

import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.http.Reply;
import org.regdesk.server.http.Route;

/**
 * {@code GET /dev/sms-outbox}: the development outbox, newest first, so a demo or a test can read the
 * SMS a citizen would get. Registered only while the outbox is the configured gateway.
 */
public final class SmsOutboxRoutes implements HttpRoutes {

    private final SmsOutbox outbox;

    public SmsOutboxRoutes(SmsOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return "sms-outbox";
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/dev/sms-outbox", Route.Access.PUBLIC, call -> {
            List<Map<String, String>> messages = new java.util.ArrayList<>();
            for (SmsOutbox.Message message : outbox.messages().reversed()) {
                messages.add(Map.of("to", message.to().masked(), "text", message.text()));
            }
            return Reply.ok(Map.of("messages", messages));
        }));
    }
}
