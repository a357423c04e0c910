package org.regdesk.server.otp.internal;

import org.regdesk.backend.api.PhoneNumber;

/** Sends a text message; implementations: the dev {@link SmsOutbox} and {@link HttpSmsGateway}. */
public interface SmsGateway {

    /** @throws SmsException when the message could not be handed to the operator's network */
    void send(PhoneNumber to, String text) throws SmsException;

    final class SmsException extends Exception {
        private static final long serialVersionUID = 1L;

        public SmsException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
