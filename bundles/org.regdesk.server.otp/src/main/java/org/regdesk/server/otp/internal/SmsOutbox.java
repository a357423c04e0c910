package org.regdesk.server.otp.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.regdesk.backend.api.PhoneNumber;

/** The development gateway: keeps messages for tests and the demo instead of sending them. */
public final class SmsOutbox implements SmsGateway {

    public record Message(PhoneNumber to, String text) {
    }

    private final List<Message> messages = new CopyOnWriteArrayList<>();

    @Override
    public void send(PhoneNumber to, String text) {
        messages.add(new Message(to, text));
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }
}
