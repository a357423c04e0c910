package org.regdesk.backend.api;

import java.util.Objects;

/**
 * A Turkish national identity number (T.C. Kimlik No): 11 digits, the first not 0, the 10th and 11th
 * check digits. An instance is always valid; {@link #toString()} does not reveal it in logs.
 */
public record Tckn(String value) {

    public Tckn {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a valid TCKN (11 digits with correct check digits)");
        }
    }

    /** The official rule: d10 = (7 * (d1+d3+d5+d7+d9) - (d2+d4+d6+d8)) mod 10, d11 = (d1+...+d10) mod 10. */
    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.length() != 11 || candidate.charAt(0) == '0') {
            return false;
        }
        int[] d = new int[11];
        for (int i = 0; i < 11; i++) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            d[i] = c - '0';
        }
        int odd = d[0] + d[2] + d[4] + d[6] + d[8];
        int even = d[1] + d[3] + d[5] + d[7];
        int tenth = Math.floorMod(odd * 7 - even, 10);
        int eleventh = (odd + even + d[9]) % 10;
        return d[9] == tenth && d[10] == eleventh;
    }

    /** Only the last two digits, for logs and screens that need no more: {@code *********46}. */
    public String masked() {
        return "*********" + value.substring(9);
    }

    @Override
    public String toString() {
        return "Tckn[" + masked() + "]";
    }
}
