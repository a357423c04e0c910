package org.regdesk.server.otp.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.regdesk.backend.api.PhoneNumber;
import org.regdesk.server.otp.SmsGateway;

/** The development gateway: keeps the last {@value #KEPT} messages for tests and the demo instead of sending them. */
public final class SmsOutbox implements SmsGateway {

    public record Message(PhoneNumber to, String text) {
    }

    static final int KEPT = 500;

    private final List<Message> messages = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void send(PhoneNumber to, String text) {
        messages.add(new Message(to, text));
        if (messages.size() > KEPT) {
            messages.remove(0);
        }
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }
}
