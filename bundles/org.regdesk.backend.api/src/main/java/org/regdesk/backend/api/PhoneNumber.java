package org.regdesk.backend.api;

import java.util.Objects;

/**
 * A citizen's registered mobile number in E.164 form ({@code +905321234567}). Operators and citizens
 * only ever see it masked: country code, the first digit and the last two.
 */
public record PhoneNumber(String e164) {

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        if (!e164.matches("\\+[1-9][0-9]{7,14}")) {
            throw new IllegalArgumentException("A phone number must be in E.164 form, e.g. +905321234567");
        }
    }

    /** {@code +90 5** *** ** 67} for Turkish numbers; {@code +<cc>…67} style for others. */
    public String masked() {
        if (e164.startsWith("+90") && e164.length() == 13) {
            return "+90 " + e164.charAt(3) + "** *** ** " + e164.substring(11);
        }
        return e164.substring(0, 3) + "*".repeat(e164.length() - 5) + e164.substring(e164.length() - 2);
    }

    @Override
    public String toString() {
        return "PhoneNumber[" + masked() + "]";
    }
}
