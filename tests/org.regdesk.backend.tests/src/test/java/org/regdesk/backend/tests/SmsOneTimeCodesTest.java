package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.regdesk.backend.api.PhoneNumber;
import org.regdesk.server.otp.internal.SmsOneTimeCodes;
import org.regdesk.server.otp.internal.SmsOneTimeCodes.Outcome;
import org.regdesk.server.otp.internal.SmsOutbox;
import org.regdesk.server.otp.internal.SmsText;
import org.regdesk.server.store.Database;

/**
 * SMS one-time codes as the registry keeps them, in the database (H2 here; the same class runs against
 * PostgreSQL in {@link SmsOneTimeCodesOnPostgresTest}); two instances on one database are two nodes.
 */
class SmsOneTimeCodesTest {

    TestDatabase database() {
        return TestDatabase.H2;
    }


    private static final PhoneNumber PHONE = new PhoneNumber("+905321234567");
    /** The verification-code key the nodes share. */
    private static final byte[] CODE_KEY = "thirty-two bytes of a code key!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final MutableClock clock = MutableClock.stoppedAt(Instant.parse("2026-11-26T10:00:00Z"));
    private final SmsOutbox outbox = new SmsOutbox();
    private Database db;
    private SmsOneTimeCodes otp;

    @org.junit.jupiter.api.BeforeEach
    void open(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) {
        db = Database.open(database().settings(data));
        otp = node(outbox);
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        db.close();
    }

    /** Another server node on the same database. */
    private SmsOneTimeCodes node(org.regdesk.server.otp.SmsGateway gateway) {
        return new SmsOneTimeCodes(db, gateway, SmsText.DEFAULT, CODE_KEY, clock, new SecureRandom());
    }

    private String lastCode() {
        Matcher matcher = Pattern.compile("(\\d{6})").matcher(outbox.messages().get(outbox.messages().size() - 1).text());
        assertTrue(matcher.find());
        return matcher.group(1);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Test
    void theCodeGoesToTheRegisteredPhoneAndWorksOnce() throws Exception {
        assertTrue(otp.send("s1", PHONE).sent());
        assertEquals(PHONE, outbox.messages().get(0).to());
        String code = lastCode();
        assertEquals(Outcome.ACCEPTED, otp.check("s1", code).outcome());
        assertEquals(Outcome.ACCEPTED, otp.check("s1", code).outcome(), "a desk asking again with the same code");
        assertEquals(Outcome.NO_CODE_SENT, otp.check("s1", wrong(code)).outcome(), "nothing else to prove");
        clock.advance(SmsOneTimeCodes.RESEND_COOLDOWN);
        assertTrue(otp.send("s1", PHONE).sent());
        assertEquals(Outcome.WRONG_CODE, otp.check("s1", code).outcome(), "a new code replaces a proven one");
    }

    @Test
    void aCodeSentByOneNodeIsCheckedByAnotherAndWrongCodesCountOnBoth() throws Exception {
        SmsOneTimeCodes other = node(outbox);
        assertTrue(otp.send("s1", PHONE).sent());
        String code = lastCode();
        assertEquals(new SmsOneTimeCodes.Check(Outcome.WRONG_CODE, 2), other.check("s1", wrong(code)));
        assertEquals(new SmsOneTimeCodes.Check(Outcome.WRONG_CODE, 1), otp.check("s1", wrong(code)));
        assertEquals(java.util.Optional.of(SmsOneTimeCodes.Held.COOLDOWN), other.send("s1", PHONE).held());
        assertEquals(Outcome.ACCEPTED, other.check("s1", code).outcome());
    }

    @Test
    void fiftyParallelWrongCodesAreCheckedThreeTimesAtMost() throws Exception {
        assertTrue(otp.send("s1", PHONE).sent());
        String wrong = wrong(lastCode());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        try {
            java.util.List<java.util.concurrent.Future<Outcome>> checks = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                SmsOneTimeCodes node = i % 2 == 0 ? otp : node(outbox);
                checks.add(pool.submit(() -> node.check("s1", wrong).outcome()));
            }
            java.util.Map<Outcome, Integer> outcomes = new java.util.TreeMap<>();
            for (var check : checks) {
                outcomes.merge(check.get(), 1, Integer::sum);
            }
            System.out.println("50 parallel wrong SMS codes (" + database() + "): " + outcomes);
            assertEquals(2, outcomes.getOrDefault(Outcome.WRONG_CODE, 0), outcomes.toString());
            assertEquals(48, outcomes.getOrDefault(Outcome.NO_ATTEMPTS_LEFT, 0), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void threeWrongCodesUseUpTheAttemptsEvenForTheRightOneAfter() throws Exception {
        otp.send("s1", PHONE);
        String code = lastCode();
        assertEquals(new SmsOneTimeCodes.Check(Outcome.WRONG_CODE, 2), otp.check("s1", wrong(code)));
        assertEquals(new SmsOneTimeCodes.Check(Outcome.WRONG_CODE, 1), otp.check("s1", "12345"));
        assertEquals(new SmsOneTimeCodes.Check(Outcome.NO_ATTEMPTS_LEFT, 0), otp.check("s1", wrong(code)));
        assertEquals(Outcome.NO_ATTEMPTS_LEFT, otp.check("s1", code).outcome());
    }

    @Test
    void aCodeExpiresAfterThreeMinutes() throws Exception {
        otp.send("s1", PHONE);
        String code = lastCode();
        clock.advance(SmsOneTimeCodes.VALIDITY);
        assertEquals(Outcome.EXPIRED, otp.check("s1", code).outcome());
    }

    @Test
    void aResendWaitsForTheCooldownAndReplacesTheCode() throws Exception {
        otp.send("s1", PHONE);
        String first = lastCode();
        SmsOneTimeCodes.Sent tooSoon = otp.send("s1", PHONE);
        assertFalse(tooSoon.sent());
        assertEquals(clock.instant().plus(SmsOneTimeCodes.RESEND_COOLDOWN), tooSoon.resendAllowedAt());
        assertEquals(1, outbox.messages().size());

        clock.advance(SmsOneTimeCodes.RESEND_COOLDOWN);
        assertTrue(otp.send("s1", PHONE).sent());
        String second = lastCode();
        if (!second.equals(first)) {
            assertEquals(Outcome.WRONG_CODE, otp.check("s1", first).outcome(), "the old code no longer works");
        }
        assertEquals(Outcome.ACCEPTED, otp.check("s1", second).outcome());
    }

    @Test
    void aSendLostWithADyingNodeHoldsTheSessionTenSecondsNotAMinute() throws Exception {
        SmsOneTimeCodes dying = node((to, text) -> {
            throw new AssertionError("the node died while the provider had the text"); // nothing after this runs
        });
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> dying.send("s1", PHONE));
        SmsOneTimeCodes.Sent held = otp.send("s1", PHONE);
        assertEquals(java.util.Optional.of(SmsOneTimeCodes.Held.COOLDOWN), held.held(), "it may still be on its way");
        assertEquals(clock.instant().plusSeconds(10), held.resendAllowedAt());
        clock.advance(java.time.Duration.ofSeconds(10));
        assertTrue(otp.send("s1", PHONE).sent(), "another node sends it again");
        assertEquals(Outcome.ACCEPTED, otp.check("s1", lastCode()).outcome());
    }

    /** A copy of the table does not give the code away: its hash is keyed, a million plain SHA-256 guesses find nothing. */
    @Test
    void theStoredHashNeedsTheCodeKey() throws Exception {
        assertTrue(otp.send("s1", PHONE).sent());
        String stored = db.transaction(connection -> {
            try (java.sql.ResultSet rows = connection.createStatement().executeQuery(
                    "SELECT code_hash FROM sms_codes WHERE session_id = 's1'")) {
                rows.next();
                return rows.getString(1);
            }
        });
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        java.util.HexFormat hex = java.util.HexFormat.of();
        for (int guess = 0; guess < 1_000_000; guess++) {
            String candidate = String.format("%06d", guess);
            assertTrue(!stored.equals(hex.formatHex(sha256.digest(("s1:" + candidate).getBytes(java.nio.charset.StandardCharsets.UTF_8)))),
                    "the code " + candidate + " was found from the table alone");
        }
        SmsOneTimeCodes otherKey = new SmsOneTimeCodes(db, outbox, SmsText.DEFAULT, new byte[32], clock, new SecureRandom());
        assertEquals(Outcome.WRONG_CODE, otherKey.check("s1", lastCode()).outcome(), "a node with another key cannot check it");
    }

    @Test
    void aCodeBelongsToItsSession() throws Exception {
        otp.send("s1", PHONE);
        String code = lastCode();
        assertEquals(Outcome.NO_CODE_SENT, otp.check("s2", code).outcome());
        assertEquals(Outcome.ACCEPTED, otp.check("s1", code).outcome());
    }

    @Test
    void aSessionGetsThreeSmsAtMostHoweverLongItWaits() throws Exception {
        for (int i = 0; i < SmsOneTimeCodes.SENDS_PER_SESSION; i++) {
            assertTrue(otp.send("s1", PHONE).sent());
            clock.advance(SmsOneTimeCodes.RESEND_COOLDOWN);
        }
        SmsOneTimeCodes.Sent held = otp.send("s1", PHONE);
        assertFalse(held.sent());
        assertEquals(java.util.Optional.of(SmsOneTimeCodes.Held.SESSION_LIMIT), held.held());
        assertEquals(SmsOneTimeCodes.SENDS_PER_SESSION, outbox.messages().size());
        assertTrue(otp.send("s2", PHONE).sent(), "a new session (a new identity check) may send again");
    }

    @Test
    void resendingBuysNoMoreThanFiveWrongCodesPerSession() throws Exception {
        otp.send("s1", PHONE);
        String first = lastCode();
        for (int i = 0; i < 3; i++) {
            otp.check("s1", wrong(first));
        }
        clock.advance(SmsOneTimeCodes.RESEND_COOLDOWN);
        assertTrue(otp.send("s1", PHONE).sent());
        String second = lastCode();
        assertEquals(new SmsOneTimeCodes.Check(Outcome.WRONG_CODE, 1), otp.check("s1", wrong(second)), "4 of 5 used");
        assertEquals(new SmsOneTimeCodes.Check(Outcome.NO_ATTEMPTS_LEFT, 0), otp.check("s1", wrong(second)));
        assertEquals(Outcome.NO_ATTEMPTS_LEFT, otp.check("s1", second).outcome(), "not even the right code now");
        clock.advance(SmsOneTimeCodes.RESEND_COOLDOWN);
        assertEquals(java.util.Optional.of(SmsOneTimeCodes.Held.SESSION_LIMIT), otp.send("s1", PHONE).held());
    }

    @Test
    void aPhoneGetsTenSmsADayAcrossSessionsAndAFailedSendDoesNotCount() throws Exception {
        boolean[] down = { true };
        SmsOneTimeCodes codes = node((to, text) -> {
            if (down[0]) {
                throw new org.regdesk.server.otp.SmsGateway.SmsException("provider down", null);
            }
            outbox.send(to, text);
        });
        for (int i = 0; i < 3; i++) {
            String session = "down-" + i;
            org.junit.jupiter.api.Assertions.assertThrows(org.regdesk.server.otp.SmsGateway.SmsException.class,
                    () -> codes.send(session, PHONE));
        }
        down[0] = false;
        int sent = 0;
        for (int session = 0; session < 5; session++) {
            for (int i = 0; i < SmsOneTimeCodes.SENDS_PER_SESSION; i++) {
                if (codes.send("day-" + session, PHONE).sent()) {
                    sent++;
                }
                clock.advance(SmsOneTimeCodes.RESEND_COOLDOWN);
            }
        }
        assertEquals(SmsOneTimeCodes.SENDS_PER_PHONE_PER_DAY, sent);
        assertEquals(java.util.Optional.of(SmsOneTimeCodes.Held.DAILY_LIMIT), codes.send("another", PHONE).held());
        clock.advance(java.time.Duration.ofDays(1));
        assertTrue(codes.send("tomorrow", PHONE).sent());
    }
}
