package org.regdesk.backend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CitizenValuesTest {

    @Test
    void validTcknsPassTheCheckDigitRule() {
        for (String valid : new String[] { "10000000146", "10000000078", "10000000214", "10000000382" }) {
            assertTrue(Tckn.isValid(valid), valid);
        }
    }

    @Test
    void wrongCheckDigitsLeadingZeroLengthAndLettersAreRefused() {
        for (String invalid : new String[] { "10000000147", "10000000136", "01000000146", "1000000014", "100000001466",
                "1000000014a", "", null }) {
            assertFalse(Tckn.isValid(invalid), String.valueOf(invalid));
        }
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new Tckn("10000000147"));
        assertFalse(error.getMessage().contains("10000000147"), "the number itself stays out of messages and logs");
    }

    @Test
    void aTcknShowsOnlyItsLastTwoDigitsInLogs() {
        assertEquals("Tckn[*********46]", new Tckn("10000000146").toString());
    }

    @Test
    void aTurkishMobileNumberIsMaskedAsTheDeskShowsIt() {
        PhoneNumber phone = new PhoneNumber("+905321234567");
        assertEquals("+90 5** *** ** 67", phone.masked());
        assertEquals("PhoneNumber[+90 5** *** ** 67]", phone.toString());
        assertEquals("+49*********89", new PhoneNumber("+4915112345689").masked());
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumber("05321234567"));
    }
}
