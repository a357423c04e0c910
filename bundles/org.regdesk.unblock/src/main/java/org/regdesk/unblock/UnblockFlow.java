package org.regdesk.unblock;

import java.util.Objects;

import org.regdesk.backend.api.unblock.UnblockConnector;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.CompletionRequest;
import org.regdesk.backend.api.v1.RegisteredCard;
import org.regdesk.backend.api.v1.UnblockAuthorizationGrant;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.UnblockAuthorization;

/**
 * One card write of a verified desk session: the card's challenge (reference cards), the backend's
 * single-use authorization for it, the unblock with the new PIN, and the report. Through the driver SPI
 * only, so reference cards (AES-CMAC cryptogram) and PKCS#11 tokens (SO PIN rotation) take the same path.
 * <p>
 * Faults: a card that leaves the reader is reported FAILED (the session stays open for another
 * attempt while it is valid); if the card was written but the report cannot reach the backend, the
 * caller gets {@link NotReported} and calls {@link #report} again: the card already has the new PIN,
 * and for a PKCS#11 token the backend still keeps both SO PINs, so nothing is lost while it waits.
 * No PIN try is ever used: unblocking does not verify the PIN.
 */
public final class UnblockFlow {

    /** Where the machine time of one write went, in microseconds: card APDUs vs backend calls. */
    public record Timings(long cardMicros, long backendMicros, long totalMicros) {
    }

    /** The steps of one write, in order, for a progress display. */
    public enum Step {
        /** Reading the card's single-use challenge (reference cards only). */
        CARD_CHALLENGE,
        /** Asking the backend for the authorization. */
        AUTHORIZATION,
        /** Writing the new PIN: from here on the write cannot be cancelled. */
        CARD_WRITE,
        /** Telling the backend the card has the new PIN. */
        REPORT
    }

    /** The card has the new PIN, but the backend has not heard so yet. */
    public static final class NotReported extends Exception {
        private static final long serialVersionUID = 1L;
        private final String authorizationId;

        NotReported(String authorizationId, RegistryException cause) {
            super(cause.getMessage(), cause);
            this.authorizationId = authorizationId;
        }

        public String authorizationId() {
            return authorizationId;
        }

        public RegistryException registryError() {
            return (RegistryException) getCause();
        }
    }

    private final UnblockConnector registry;

    public UnblockFlow(UnblockConnector registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Writes {@code newPin} (already checked with {@link PinPolicy}) to the card of an OTP-verified session.
     *
     * @throws CardException the card refused or left; the backend was told, nothing was half-written
     * @throws RegistryException the backend refused or could not be reached before the card was touched
     */
    public Timings unblock(String sessionId, RegisteredCard card, CardSession session, char[] newPin)
            throws CardException, RegistryException, NotReported {
        return unblock(sessionId, card, session, newPin, step -> {
        });
    }

    /** As {@link #unblock(String, RegisteredCard, CardSession, char[])}, telling {@code progress} each step as it starts. */
    public Timings unblock(String sessionId, RegisteredCard card, CardSession session, char[] newPin,
            java.util.function.Consumer<Step> progress) throws CardException, RegistryException, NotReported {
        long start = System.nanoTime();
        long cardNanos = 0;
        long backendNanos = 0;
        byte[] challenge = null;
        if ("REFERENCE".equals(card.profile())) {
            progress.accept(Step.CARD_CHALLENGE);
            long t = System.nanoTime();
            challenge = session.unblockChallenge().challenge();
            cardNanos += System.nanoTime() - t;
        }
        progress.accept(Step.AUTHORIZATION);
        long t = System.nanoTime();
        UnblockAuthorizationGrant grant = registry.authorizeUnblock(sessionId, card.serial(), challenge);
        backendNanos += System.nanoTime() - t;
        UnblockAuthorization authorization = switch (grant.kind()) {
            case "CRYPTOGRAM" -> new UnblockAuthorization.Cryptogram(java.util.HexFormat.of().parseHex(grant.cryptogram()));
            case "SO_PIN_ROTATION" -> new UnblockAuthorization.SecurityOfficerPins(grant.soPin().toCharArray(),
                    grant.nextSoPin().toCharArray(), grant.nextSoPinHandedOutBefore());
            default -> throw new IllegalStateException("unknown authorization kind " + grant.kind());
        };
        progress.accept(Step.CARD_WRITE);
        t = System.nanoTime();
        try {
            session.unblock(authorization, newPin);
        } catch (CardException refused) {
            cardNanos += System.nanoTime() - t;
            reportQuietly(sessionId, grant.authorizationId(), refused.reason().name());
            throw refused;
        } finally {
            authorization.destroy();
        }
        cardNanos += System.nanoTime() - t;
        progress.accept(Step.REPORT);
        t = System.nanoTime();
        report(sessionId, grant.authorizationId());
        backendNanos += System.nanoTime() - t;
        return new Timings(cardNanos / 1000, backendNanos / 1000, (System.nanoTime() - start) / 1000);
    }

    /** Tells the backend the card has the new PIN; again after {@link NotReported}. A replay is harmless. */
    public void report(String sessionId, String authorizationId) throws NotReported {
        try {
            registry.complete(sessionId, new CompletionRequest(authorizationId, "SUCCEEDED", null));
        } catch (RegistryException e) {
            if (!"ALREADY_REPORTED".equals(e.code())) {
                throw new NotReported(authorizationId, e);
            }
        }
    }

    private void reportQuietly(String sessionId, String authorizationId, String reason) {
        try {
            registry.complete(sessionId, new CompletionRequest(authorizationId, "FAILED", reason));
        } catch (RegistryException unreachable) {
            // the authorization stays unreported and unused; the session allows another attempt regardless
        }
    }
}
