package org.regdesk.unblock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.regdesk.unblock.PinPolicy.Violation;

class PinPolicyTest {

    private static final String TCKN = "10000000146";
    private static final LocalDate BORN = LocalDate.of(1985, 4, 12);
    private final PinPolicy policy = PinPolicy.sixToTwelveDigits();

    private List<Violation> check(String pin) {
        return policy.check(pin.toCharArray(), pin.toCharArray(), TCKN, BORN);
    }

    @Test
    void aGoodPinPasses() {
        assertEquals(List.of(), check("482915"));
        assertEquals(List.of(), check("482915730261"));
    }

    @Test
    void lengthAndDigitsComeFromTheCardsRules() {
        assertEquals(List.of(Violation.LENGTH), check("48291"));
        assertEquals(List.of(Violation.LENGTH), check("4829157302618"));
        assertEquals(List.of(Violation.NOT_DIGITS), check("48a915"));
        assertEquals(List.of(Violation.LENGTH), new PinPolicy(4, 8).check("482915731".toCharArray(),
                "482915731".toCharArray(), null, null));
    }

    @Test
    void bothEntriesMustMatch() {
        assertEquals(List.of(Violation.MISMATCH), policy.check("482915".toCharArray(), "482916".toCharArray(), TCKN, BORN));
        assertEquals(List.of(Violation.MISMATCH), policy.check("482915".toCharArray(), null, TCKN, BORN));
    }

    @Test
    void repeatedDigitsAndRunsAreRefused() {
        assertEquals(List.of(Violation.REPEATED_DIGIT), check("777777"));
        assertEquals(List.of(Violation.SEQUENCE), check("345678"));
        assertEquals(List.of(Violation.SEQUENCE), check("987654"));
        assertEquals(List.of(), check("135792"), "steps of two are not a run");
    }

    @Test
    void partsOfTheTcknOrTheBirthDateAreRefused() {
        assertEquals(List.of(Violation.IN_TCKN), check("000001"));
        assertEquals(List.of(Violation.IN_BIRTH_DATE), check("12041985"));
        assertEquals(List.of(Violation.IN_BIRTH_DATE), check("198504"));
        assertEquals(List.of(Violation.IN_BIRTH_DATE), check("120485"));
        assertEquals(List.of(Violation.IN_BIRTH_DATE), check("9912041985"), "a PIN that contains the whole date");
    }
}
