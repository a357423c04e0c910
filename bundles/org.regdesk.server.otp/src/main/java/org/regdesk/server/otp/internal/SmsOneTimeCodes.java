package org.regdesk.server.otp.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.regdesk.backend.api.PhoneNumber;
import org.regdesk.server.otp.SmsGateway;

/**
 * SMS one-time codes for a desk session: 6 digits, valid 180 s, 3 attempts, a resend only after a
 * cooldown and always with a new code. Only a hash of the code is kept in memory; the text goes to
 * the registered phone through the {@link SmsGateway}.
 */
public final class SmsOneTimeCodes {

    public static final Duration VALIDITY = Duration.ofSeconds(180);
    public static final int ATTEMPTS = 3;
    public static final Duration RESEND_COOLDOWN = Duration.ofSeconds(60);

    public enum Outcome {
        ACCEPTED, WRONG_CODE, EXPIRED, NO_ATTEMPTS_LEFT, NO_CODE_SENT
    }

    /** The result of a check, with the attempts left after a wrong code. */
    public record Check(Outcome outcome, int attemptsLeft) {
    }

    /** The result of a send or resend: when the next resend is allowed. */
    public record Sent(boolean sent, Instant resendAllowedAt, Instant expiresAt) {
    }

    private record Pending(byte[] hash, Instant sentAt, Instant expiresAt, int attemptsLeft) {
    }

    private final SmsGateway gateway;
    private final SmsText text;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Pending> bySession = new ConcurrentHashMap<>();

    public SmsOneTimeCodes(SmsGateway gateway, Clock clock, SecureRandom random) {
        this(gateway, SmsText.DEFAULT, clock, random);
    }

    public SmsOneTimeCodes(SmsGateway gateway, SmsText text, Clock clock, SecureRandom random) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.text = Objects.requireNonNull(text, "text");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Sends a new code for the session; refused (sent=false) during the cooldown of the previous one. */
    public synchronized Sent send(String sessionId, PhoneNumber to) throws SmsGateway.SmsException {
        Instant now = clock.instant();
        Pending previous = bySession.get(sessionId);
        if (previous != null && now.isBefore(previous.sentAt().plus(RESEND_COOLDOWN))) {
            return new Sent(false, previous.sentAt().plus(RESEND_COOLDOWN), previous.expiresAt());
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        gateway.send(to, text.render(code, VALIDITY));
        Pending pending = new Pending(hash(sessionId, code), now, now.plus(VALIDITY), ATTEMPTS);
        bySession.put(sessionId, pending);
        return new Sent(true, now.plus(RESEND_COOLDOWN), pending.expiresAt());
    }

    /** Checks a code the citizen typed; a correct code works once. */
    public synchronized Check check(String sessionId, String code) {
        Pending pending = bySession.get(sessionId);
        if (pending == null) {
            return new Check(Outcome.NO_CODE_SENT, 0);
        }
        if (!clock.instant().isBefore(pending.expiresAt())) {
            return new Check(Outcome.EXPIRED, pending.attemptsLeft());
        }
        if (pending.attemptsLeft() == 0) {
            return new Check(Outcome.NO_ATTEMPTS_LEFT, 0);
        }
        if (code != null && code.matches("[0-9]{6}") && MessageDigest.isEqual(pending.hash(), hash(sessionId, code))) {
            bySession.remove(sessionId);
            return new Check(Outcome.ACCEPTED, pending.attemptsLeft());
        }
        int left = pending.attemptsLeft() - 1;
        bySession.put(sessionId, new Pending(pending.hash(), pending.sentAt(), pending.expiresAt(), left));
        return new Check(left == 0 ? Outcome.NO_ATTEMPTS_LEFT : Outcome.WRONG_CODE, left);
    }

    private static byte[] hash(String sessionId, String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((sessionId + ':' + code).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
