package org.regdesk.server.codes.internal;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.regdesk.backend.api.Tckn;
import org.regdesk.server.codes.internal.VerificationCodes.Redemption;
import org.regdesk.server.codes.internal.VerificationCodes.Redemption.Reason;

class VerificationCodesTest {

    private static final Tckn AYSE = new Tckn("10000000146");
    private static final Tckn MEHMET = new Tckn("10000000078");

    /** A clock the test moves by hand. */
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
    private final InMemoryCodeStore store = new InMemoryCodeStore();
    private final VerificationCodes codes = new VerificationCodes(store, AttemptWindows.IN_MEMORY, new byte[32], clock, new SecureRandom());

    private static Reason refusal(Redemption redemption) {
        return ((Redemption.Refused) redemption).reason();
    }

    @Test
    void aCodeIsFifteenDigitsAndWorksOnceForItsCitizenAndPurpose() {
        String code = codes.issue(AYSE, "PIN_UNBLOCK").orElseThrow().digits();
        assertTrue(code.matches("[1-9][0-9]{14}"), code);
        assertEquals(new Redemption.Accepted(AYSE), codes.redeem(code, "PIN_UNBLOCK", "desk-1"));
        assertEquals(Reason.ALREADY_USED, refusal(codes.redeem(code, "PIN_UNBLOCK", "desk-2")));
    }

    @Test
    void aCodeExpiresAfterThreeHundredSeconds() {
        String code = codes.issue(AYSE, "PIN_UNBLOCK").orElseThrow().digits();
        clock.now = clock.now.plus(Duration.ofSeconds(299));
        String second = codes.issue(MEHMET, "PIN_UNBLOCK").orElseThrow().digits();
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertEquals(Reason.EXPIRED, refusal(codes.redeem(code, "PIN_UNBLOCK", "desk-1")));
        assertEquals(new Redemption.Accepted(MEHMET), codes.redeem(second, "PIN_UNBLOCK", "desk-1"));
    }

    @Test
    void aNewCodeVoidsTheOldOneButNotTheOtherPurpose() {
        String first = codes.issue(AYSE, "PIN_UNBLOCK").orElseThrow().digits();
        String eOnay = codes.issue(AYSE, "E_ONAY").orElseThrow().digits();
        String second = codes.issue(AYSE, "PIN_UNBLOCK").orElseThrow().digits();
        assertEquals(Reason.UNKNOWN, refusal(codes.redeem(first, "PIN_UNBLOCK", "desk-1")));
        assertEquals(Reason.WRONG_PURPOSE, refusal(codes.redeem(eOnay, "PIN_UNBLOCK", "desk-1")));
        assertEquals(new Redemption.Accepted(AYSE), codes.redeem(second, "PIN_UNBLOCK", "desk-1"));
        assertEquals(new Redemption.Accepted(AYSE), codes.redeem(eOnay, "E_ONAY", "desk-1"));
    }

    @Test
    void onlyAKeyedHashIsStoredNeverTheDigits() {
        String code = codes.issue(AYSE, "PIN_UNBLOCK").orElseThrow().digits();
        VerificationCodes otherKey = new VerificationCodes(store, AttemptWindows.IN_MEMORY, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 }, clock, new SecureRandom());
        assertEquals(Reason.UNKNOWN, refusal(otherKey.redeem(code, "PIN_UNBLOCK", "desk-1")),
                "a copy of the store is useless without the server's key");
        assertTrue(store.findByHash(code).isEmpty());
    }

    @Test
    void aDeskThatKeepsGuessingIsStoppedEvenForAGoodCode() {
        String code = codes.issue(AYSE, "PIN_UNBLOCK").orElseThrow().digits();
        for (int i = 0; i < VerificationCodes.FAILURES_PER_DESK; i++) {
            assertEquals(Reason.UNKNOWN, refusal(codes.redeem("100000000000000", "PIN_UNBLOCK", "desk-9")));
        }
        assertEquals(Reason.TOO_MANY_ATTEMPTS, refusal(codes.redeem(code, "PIN_UNBLOCK", "desk-9")));
        assertEquals(new Redemption.Accepted(AYSE), codes.redeem(code, "PIN_UNBLOCK", "desk-1"), "other desks are not blocked");
        clock.now = clock.now.plus(VerificationCodes.FAILURE_WINDOW).plusSeconds(1);
        assertEquals(Reason.ALREADY_USED, refusal(codes.redeem(code, "PIN_UNBLOCK", "desk-9")), "the window passes");
    }

    @Test
    void malformedInputIsRefusedWithoutAStoreLookup() {
        for (String bad : new String[] { null, "", "12345", "1234567890123456", "12345678901234a", " 123456789012345" }) {
            assertEquals(Reason.MALFORMED, refusal(codes.redeem(bad, "PIN_UNBLOCK", "desk-" + bad)));
        }
    }

    @Test
    void aCitizenCannotHaveCodesIssuedWithoutLimit() {
        for (int i = 0; i < VerificationCodes.ISSUES_PER_CITIZEN; i++) {
            assertTrue(codes.issue(AYSE, "PIN_UNBLOCK").isPresent());
        }
        assertFalse(codes.issue(AYSE, "PIN_UNBLOCK").isPresent());
        assertTrue(codes.issue(MEHMET, "PIN_UNBLOCK").isPresent());
    }

    @Test
    void codesDoNotRepeatAndTheirToStringHidesTheDigits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            VerificationCodes fresh = new VerificationCodes(new InMemoryCodeStore(), AttemptWindows.IN_MEMORY, new byte[32], clock, new SecureRandom());
            assertTrue(seen.add(fresh.issue(AYSE, "E_ONAY").orElseThrow().digits()));
        }
        VerificationCodes.IssuedCode issued = codes.issue(MEHMET, "E_ONAY").orElseThrow();
        assertFalse(issued.toString().contains(issued.digits()));
    }
}
