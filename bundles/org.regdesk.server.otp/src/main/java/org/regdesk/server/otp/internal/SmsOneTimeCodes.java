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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.regdesk.backend.api.PhoneNumber;
import org.regdesk.server.codes.internal.AttemptWindow;
import org.regdesk.server.otp.SmsGateway;

/**
 * SMS one-time codes for a desk session: 6 digits, valid 180 s, 3 attempts per code, a resend only after
 * a cooldown and always with a new code. Capped so that resending cannot buy endless guesses or
 * messages: 3 sends and 5 wrong codes per session, 10 sends per phone a day. Only a hash of the code is
 * kept in memory; the text goes to the registered phone through the {@link SmsGateway}, under the
 * session's own lock only, so a slow SMS provider holds up no other desk.
 */
public final class SmsOneTimeCodes {

    public static final Duration VALIDITY = Duration.ofSeconds(180);
    public static final int ATTEMPTS = 3;
    public static final Duration RESEND_COOLDOWN = Duration.ofSeconds(60);
    public static final int SENDS_PER_SESSION = 3;
    public static final int FAILURES_PER_SESSION = 5;
    public static final int SENDS_PER_PHONE_PER_DAY = 10;
    /** Sessions last minutes; their counts are kept a day, then forgotten. */
    private static final Duration KEEP = Duration.ofDays(1);

    public enum Outcome {
        ACCEPTED, WRONG_CODE, EXPIRED, NO_ATTEMPTS_LEFT, NO_CODE_SENT
    }

    /** The result of a check, with the attempts left after a wrong code. */
    public record Check(Outcome outcome, int attemptsLeft) {
    }

    /** Why a send did not happen. */
    public enum Held {
        /** The previous code's cooldown runs: try at resendAllowedAt. */
        COOLDOWN,
        /** This session had its sends, or its wrong codes: a new session (a new identity check) is needed. */
        SESSION_LIMIT,
        /** This phone had its SMS for the day. */
        DAILY_LIMIT
    }

    /** The result of a send or resend: when the next resend is allowed; {@code held} says why none was sent. */
    public record Sent(Instant resendAllowedAt, Instant expiresAt, Optional<Held> held) {
        public boolean sent() {
            return held.isEmpty();
        }
    }

    private record Pending(byte[] hash, Instant sentAt, Instant expiresAt, int attemptsLeft) {
    }

    /** One session's code and counts; every change to it happens under its own lock. */
    private static final class SessionCodes {
        Pending pending;
        int sends;
        int failures;
        Instant lastUsed;
    }

    private final SmsGateway gateway;
    private final SmsText text;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, SessionCodes> bySession = new ConcurrentHashMap<>();
    private final AttemptWindow sendsByPhone = new AttemptWindow(Duration.ofDays(1), SENDS_PER_PHONE_PER_DAY);

    public SmsOneTimeCodes(SmsGateway gateway, Clock clock, SecureRandom random) {
        this(gateway, SmsText.DEFAULT, clock, random);
    }

    public SmsOneTimeCodes(SmsGateway gateway, SmsText text, Clock clock, SecureRandom random) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.text = Objects.requireNonNull(text, "text");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Sends a new code for the session, unless the cooldown runs or a cap is reached (sent=false, and why). */
    public Sent send(String sessionId, PhoneNumber to) throws SmsGateway.SmsException {
        Instant now = clock.instant();
        forgetOld(now);
        SessionCodes session = bySession.computeIfAbsent(sessionId, id -> new SessionCodes());
        synchronized (session) {
            session.lastUsed = now;
            Pending previous = session.pending;
            Instant expires = previous == null ? now : previous.expiresAt();
            if (previous != null && now.isBefore(previous.sentAt().plus(RESEND_COOLDOWN))) {
                return new Sent(previous.sentAt().plus(RESEND_COOLDOWN), expires, Optional.of(Held.COOLDOWN));
            }
            if (session.sends >= SENDS_PER_SESSION || session.failures >= FAILURES_PER_SESSION) {
                return new Sent(now, expires, Optional.of(Held.SESSION_LIMIT));
            }
            Optional<AttemptWindow.Attempt> daily = sendsByPhone.reserve(to.e164(), now);
            if (daily.isEmpty()) {
                return new Sent(now, expires, Optional.of(Held.DAILY_LIMIT));
            }
            String code = String.format("%06d", random.nextInt(1_000_000));
            try {
                gateway.send(to, text.render(code, VALIDITY));
            } catch (SmsGateway.SmsException | RuntimeException notSent) {
                sendsByPhone.release(daily.get()); // nothing reached the phone: it does not count
                throw notSent;
            }
            session.sends++;
            session.pending = new Pending(hash(sessionId, code), now, now.plus(VALIDITY), ATTEMPTS);
            return new Sent(now.plus(RESEND_COOLDOWN), session.pending.expiresAt(), Optional.empty());
        }
    }

    /** Checks a code the citizen typed; a correct code works once. */
    public Check check(String sessionId, String code) {
        SessionCodes session = bySession.get(sessionId);
        if (session == null) {
            return new Check(Outcome.NO_CODE_SENT, 0);
        }
        synchronized (session) {
            Pending pending = session.pending;
            if (pending == null) {
                return new Check(Outcome.NO_CODE_SENT, 0);
            }
            if (!clock.instant().isBefore(pending.expiresAt())) {
                return new Check(Outcome.EXPIRED, pending.attemptsLeft());
            }
            if (pending.attemptsLeft() == 0 || session.failures >= FAILURES_PER_SESSION) {
                return new Check(Outcome.NO_ATTEMPTS_LEFT, 0);
            }
            if (code != null && code.matches("[0-9]{6}") && MessageDigest.isEqual(pending.hash(), hash(sessionId, code))) {
                session.pending = null;
                return new Check(Outcome.ACCEPTED, pending.attemptsLeft());
            }
            session.failures++;
            int left = Math.min(pending.attemptsLeft() - 1, FAILURES_PER_SESSION - session.failures);
            session.pending = new Pending(pending.hash(), pending.sentAt(), pending.expiresAt(), left);
            return new Check(left == 0 ? Outcome.NO_ATTEMPTS_LEFT : Outcome.WRONG_CODE, left);
        }
    }

    /** Drops the counts of sessions untouched for a day (now and then, not on every call). */
    private void forgetOld(Instant now) {
        if (bySession.size() < 1_000) {
            return;
        }
        bySession.values().removeIf(session -> {
            synchronized (session) {
                return session.lastUsed != null && session.lastUsed.isBefore(now.minus(KEEP));
            }
        });
    }

    private static byte[] hash(String sessionId, String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((sessionId + ':' + code).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
