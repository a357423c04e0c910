package org.regdesk.server.otp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.regdesk.backend.api.PhoneNumber;
import org.regdesk.server.otp.internal.SmsOneTimeCodes.Outcome;

class SmsOneTimeCodesTest {

    private static final PhoneNumber PHONE = new PhoneNumber("+905321234567");

    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final SmsOutbox outbox = new SmsOutbox();
    private final SmsOneTimeCodes otp = new SmsOneTimeCodes(outbox, clock, new SecureRandom());

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
        assertEquals(Outcome.NO_CODE_SENT, otp.check("s1", code).outcome(), "used once");
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
        clock.now = clock.now.plus(SmsOneTimeCodes.VALIDITY);
        assertEquals(Outcome.EXPIRED, otp.check("s1", code).outcome());
    }

    @Test
    void aResendWaitsForTheCooldownAndReplacesTheCode() throws Exception {
        otp.send("s1", PHONE);
        String first = lastCode();
        SmsOneTimeCodes.Sent tooSoon = otp.send("s1", PHONE);
        assertFalse(tooSoon.sent());
        assertEquals(clock.now.plus(SmsOneTimeCodes.RESEND_COOLDOWN), tooSoon.resendAllowedAt());
        assertEquals(1, outbox.messages().size());

        clock.now = clock.now.plus(SmsOneTimeCodes.RESEND_COOLDOWN);
        assertTrue(otp.send("s1", PHONE).sent());
        String second = lastCode();
        if (!second.equals(first)) {
            assertEquals(Outcome.WRONG_CODE, otp.check("s1", first).outcome(), "the old code no longer works");
        }
        assertEquals(Outcome.ACCEPTED, otp.check("s1", second).outcome());
    }

    @Test
    void aCodeBelongsToItsSession() throws Exception {
        otp.send("s1", PHONE);
        String code = lastCode();
        assertEquals(Outcome.NO_CODE_SENT, otp.check("s2", code).outcome());
        assertEquals(Outcome.ACCEPTED, otp.check("s1", code).outcome());
    }
}
