package org.regdesk.server.otp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SmsTextTest {

    @Test
    void theDefaultSmsIsTurkishInTheCasNameAndNeverSaysRegDesk() {
        String sms = SmsText.DEFAULT.render("123456", Duration.ofSeconds(180));
        assertEquals("Kamu SM: Kayıt masasındaki işleminiz için doğrulama kodunuz 123456. Kod 3 dakika geçerlidir. "
                + "PIN ya da PUK değildir; kimseyle paylaşmayın.", sms);
        assertFalse(sms.contains("RegDesk") || sms.contains("verification"), sms);
    }

    @Test
    void aCaSetsItsOwnSenderAndWords() {
        SmsText own = new SmsText("ÖRNEK ESHS", "{sender} kodunuz: {code} ({minutes} dk)");
        assertEquals("ÖRNEK ESHS kodunuz: 654321 (3 dk)", own.render("654321", Duration.ofMinutes(3)));
    }

    @Test
    void aTextWithoutTheCodeIsRefusedAtStart() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new SmsText("X", "no code here"));
        assertTrue(refused.getMessage().contains("{code}"), refused.getMessage());
    }
}
