package org.regdesk.server.otp.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The SMS a citizen gets, in the CA's words: a template with {@code {sender}}, {@code {code}} and
 * {@code {minutes}}, Turkish by default, and the CA's name as the citizen knows it. Both are
 * configuration ({@code sms.sender}, {@code sms.text}), never RegDesk's own name.
 */
public record SmsText(String sender, String template) {

    public static final String DEFAULT_SENDER = "Kamu SM";
    public static final String DEFAULT_TEMPLATE = "{sender}: Kayıt masasındaki işleminiz için doğrulama kodunuz {code}. "
            + "Kod {minutes} dakika geçerlidir. PIN ya da PUK değildir; kimseyle paylaşmayın.";
    public static final SmsText DEFAULT = new SmsText(DEFAULT_SENDER, DEFAULT_TEMPLATE);

    public SmsText {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(template, "template");
        if (!template.contains("{code}")) {
            throw new IllegalArgumentException("sms.text must contain {code}: " + template);
        }
    }

    /** The message for one code. */
    public String render(String code, Duration validity) {
        return template.replace("{sender}", sender).replace("{minutes}", String.valueOf(validity.toMinutes()))
                .replace("{code}", code);
    }
}
