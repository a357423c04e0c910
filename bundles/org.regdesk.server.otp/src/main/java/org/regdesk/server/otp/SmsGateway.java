package org.regdesk.server.otp;

import org.osgi.annotation.versioning.ConsumerType;
import org.regdesk.backend.api.PhoneNumber;

/**
 * Sends a text message. Registered as an OSGi service by a gateway bundle; the registry uses the
 * best-ranked one, so another provider's gateway wins by {@code service.ranking} or a target filter.
 */
@ConsumerType
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
