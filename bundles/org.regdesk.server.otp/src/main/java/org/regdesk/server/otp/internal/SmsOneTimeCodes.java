package org.regdesk.server.otp.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.regdesk.backend.api.PhoneNumber;
import org.regdesk.server.codes.internal.AttemptWindow;
import org.regdesk.server.otp.SmsGateway;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.JdbcAttemptWindows;
import org.regdesk.server.store.internal.Jdbc;

/**
 * SMS one-time codes for a desk session: 6 digits, valid 180 s, 3 attempts per code, a resend only after
 * a cooldown and always with a new code. Capped so that resending cannot buy endless guesses or
 * messages: 3 sends and 5 wrong codes per session, 10 sends per phone a day. Kept in the database
 * (table sms_codes, only a hash of the code), so any node of a cluster can check a code another node
 * sent. Every change locks the session's row in its own short transaction, committed at once: wrong
 * codes count even when the request fails afterwards, and the SMS itself goes out after that commit,
 * holding no lock and no transaction while the provider answers. A send the provider never confirmed
 * (the node died meanwhile) may be repeated after {@link #UNCONFIRMED_SEND}, not only after the cooldown.
 */
public final class SmsOneTimeCodes {

    public static final Duration VALIDITY = Duration.ofSeconds(180);
    public static final int ATTEMPTS = 3;
    public static final Duration RESEND_COOLDOWN = Duration.ofSeconds(60);
    public static final int SENDS_PER_SESSION = 3;
    public static final int FAILURES_PER_SESSION = 5;
    public static final int SENDS_PER_PHONE_PER_DAY = 10;
    /**
     * A send whose delivery was never confirmed (the node died while the provider had it) holds the session
     * only this long: longer than the provider's timeout, so a send still in progress is not doubled.
     */
    static final Duration UNCONFIRMED_SEND = Duration.ofSeconds(10);
    /** Sessions last minutes; their rows are kept a day, then cleared. */
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

    /** A session's row as read under its lock. */
    private record Row(String codeHash, Instant sentAt, Instant expiresAt, int attemptsLeft, boolean accepted, boolean delivered,
            int sends, int failures) {

        /** When the next send may happen: a minute after a delivered code, sooner after one the provider never confirmed. */
        Instant resendAllowedAt() {
            return sentAt.plus(delivered ? RESEND_COOLDOWN : UNCONFIRMED_SEND);
        }
    }

    /** What a send changed, to put back if the SMS does not go out. */
    private record Reserved(Row before, String codeHash, String code, AttemptWindow.Attempt daily, Instant expiresAt) {
    }

    private final Database database;
    private final SmsGateway gateway;
    private final SmsText text;
    private final Clock clock;
    private final SecureRandom random;
    private final AttemptWindow sendsByPhone;
    /** The nodes' shared code key: a stored code hash is an HMAC, so a copy of the table does not give up codes. */
    private final javax.crypto.spec.SecretKeySpec codeKey;

    /** @param codeKey the verification-code key every node shares (at least 32 bytes); SMS codes are kept under it */
    public SmsOneTimeCodes(Database database, SmsGateway gateway, SmsText text, byte[] codeKey, Clock clock, SecureRandom random) {
        if (codeKey.length < 32) {
            throw new IllegalArgumentException("the code key must have at least 32 bytes");
        }
        this.codeKey = new javax.crypto.spec.SecretKeySpec(codeKey, "HmacSHA256");
        this.database = Objects.requireNonNull(database, "database");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.text = Objects.requireNonNull(text, "text");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.sendsByPhone = new JdbcAttemptWindows(database).window("sms-sends-phone", Duration.ofDays(1), SENDS_PER_PHONE_PER_DAY);
        database.migrate("sms_codes", SmsOneTimeCodes.class, "/db/otp/", List.of("V1__sms_codes.sql"));
    }

    /** Sends a new code for the session, unless the cooldown runs or a cap is reached (sent=false, and why). */
    public Sent send(String sessionId, PhoneNumber to) throws SmsGateway.SmsException {
        Instant now = clock.instant();
        Object decision = database.independentTransaction(connection -> {
            Row row = lock(connection, sessionId, now);
            Instant expires = row.expiresAt() == null ? now : row.expiresAt();
            if (row.sentAt() != null && now.isBefore(row.resendAllowedAt())) {
                return new Sent(row.resendAllowedAt(), expires, Optional.of(Held.COOLDOWN));
            }
            if (row.sends() >= SENDS_PER_SESSION || row.failures() >= FAILURES_PER_SESSION) {
                return new Sent(now, expires, Optional.of(Held.SESSION_LIMIT));
            }
            Optional<AttemptWindow.Attempt> daily = sendsByPhone.reserve(to.e164(), now); // joins this transaction
            if (daily.isEmpty()) {
                return new Sent(now, expires, Optional.of(Held.DAILY_LIMIT));
            }
            String code = String.format("%06d", random.nextInt(1_000_000));
            Row sending = new Row(hash(sessionId, code), now, now.plus(VALIDITY), ATTEMPTS, false, false, row.sends() + 1,
                    row.failures());
            write(connection, sessionId, sending, now);
            return new Reserved(row, sending.codeHash(), code, daily.get(), sending.expiresAt());
        });
        if (decision instanceof Sent held) {
            return held;
        }
        Reserved reserved = (Reserved) decision;
        try {
            gateway.send(to, text.render(reserved.code(), VALIDITY));
        } catch (SmsGateway.SmsException | RuntimeException notSent) {
            // nothing reached the phone: the previous code stands again and the send does not count
            database.independentTransaction(connection -> {
                Row row = lock(connection, sessionId, now);
                if (reserved.codeHash().equals(row.codeHash())) {
                    Row before = reserved.before();
                    write(connection, sessionId, new Row(before.codeHash(), before.sentAt(), before.expiresAt(), before.attemptsLeft(),
                            before.accepted(), before.delivered(), row.sends() - 1, row.failures()), now);
                }
                sendsByPhone.release(reserved.daily());
                return null;
            });
            throw notSent;
        }
        database.independentTransaction(connection -> {
            Row row = lock(connection, sessionId, now);
            if (reserved.codeHash().equals(row.codeHash())) {
                write(connection, sessionId, new Row(row.codeHash(), row.sentAt(), row.expiresAt(), row.attemptsLeft(), row.accepted(),
                        true, row.sends(), row.failures()), now);
            }
            return null;
        });
        return new Sent(now.plus(RESEND_COOLDOWN), reserved.expiresAt(), Optional.empty());
    }

    /** Checks a code the citizen typed; a correct code proves the session once (asking again with it answers the same). */
    public Check check(String sessionId, String code) {
        Instant now = clock.instant();
        return database.independentTransaction(connection -> {
            Row row = lock(connection, sessionId, now);
            if (row.codeHash() == null) {
                return new Check(Outcome.NO_CODE_SENT, 0);
            }
            boolean matches = code != null && code.matches("[0-9]{6}")
                    && MessageDigest.isEqual(row.codeHash().getBytes(StandardCharsets.US_ASCII),
                            hash(sessionId, code).getBytes(StandardCharsets.US_ASCII));
            if (row.accepted()) {
                return matches ? new Check(Outcome.ACCEPTED, row.attemptsLeft()) : new Check(Outcome.NO_CODE_SENT, 0);
            }
            if (!now.isBefore(row.expiresAt())) {
                return new Check(Outcome.EXPIRED, row.attemptsLeft());
            }
            if (row.attemptsLeft() == 0 || row.failures() >= FAILURES_PER_SESSION) {
                return new Check(Outcome.NO_ATTEMPTS_LEFT, 0);
            }
            if (matches) {
                write(connection, sessionId, new Row(row.codeHash(), row.sentAt(), row.expiresAt(), row.attemptsLeft(), true,
                        row.delivered(), row.sends(), row.failures()), now);
                return new Check(Outcome.ACCEPTED, row.attemptsLeft());
            }
            int failures = row.failures() + 1;
            int left = Math.min(row.attemptsLeft() - 1, FAILURES_PER_SESSION - failures);
            write(connection, sessionId, new Row(row.codeHash(), row.sentAt(), row.expiresAt(), left, false, row.delivered(),
                    row.sends(), failures), now);
            return new Check(left == 0 ? Outcome.NO_ATTEMPTS_LEFT : Outcome.WRONG_CODE, left);
        });
    }

    /** The session's row, created empty if new, locked until the transaction ends. */
    private static Row lock(Connection connection, String sessionId, Instant now) throws SQLException {
        Jdbc.nowAndThenDelete(connection, "sms_codes", "last_used", now.minus(KEEP), 1_000);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_codes (session_id, attempts_left, accepted, "
                + "delivered, sends, failures, last_used) VALUES (?, 0, FALSE, FALSE, 0, 0, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, sessionId);
            Jdbc.setInstant(insert, 2, now);
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT code_hash, sent_at, expires_at, attempts_left, "
                + "accepted, delivered, sends, failures FROM sms_codes WHERE session_id = ? FOR UPDATE")) {
            select.setString(1, sessionId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("sms_codes row for the session vanished");
                }
                return new Row(rows.getString("code_hash"), Jdbc.instant(rows, "sent_at"), Jdbc.instant(rows, "expires_at"),
                        rows.getInt("attempts_left"), rows.getBoolean("accepted"), rows.getBoolean("delivered"), rows.getInt("sends"),
                        rows.getInt("failures"));
            }
        }
    }

    private static void write(Connection connection, String sessionId, Row row, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sms_codes SET code_hash = ?, sent_at = ?, "
                + "expires_at = ?, attempts_left = ?, accepted = ?, delivered = ?, sends = ?, failures = ?, last_used = ? "
                + "WHERE session_id = ?")) {
            update.setString(1, row.codeHash());
            Jdbc.setInstant(update, 2, row.sentAt());
            Jdbc.setInstant(update, 3, row.expiresAt());
            update.setInt(4, row.attemptsLeft());
            update.setBoolean(5, row.accepted());
            update.setBoolean(6, row.delivered());
            update.setInt(7, row.sends());
            update.setInt(8, row.failures());
            Jdbc.setInstant(update, 9, now);
            update.setString(10, sessionId);
            update.executeUpdate();
        }
    }

    /**
     * HMAC-SHA256 under the code key ("sms:" keeps it apart from the verification codes' use of the same key): six
     * digits under plain SHA-256 would fall to a million guesses from a copy of the table within the code's minutes.
     */
    private String hash(String sessionId, String code) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(codeKey);
            return HexFormat.of().formatHex(mac.doFinal(("sms:" + sessionId + ':' + code).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
