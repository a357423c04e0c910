package org.regdesk.unblock;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules a new PIN must meet before it goes near a card: the card's length limits, digits only,
 * typed the same twice, not one digit repeated, not an ascending or descending run, and not part of
 * the citizen's TCKN or birth date. The PIN is checked here, on the desk: it never reaches the backend.
 */
public final class PinPolicy {

    /** Why a PIN is refused; the wizard shows each in the operator's language. */
    public enum Violation {
        LENGTH, NOT_DIGITS, MISMATCH, REPEATED_DIGIT, SEQUENCE, IN_TCKN, IN_BIRTH_DATE
    }

    private static final List<DateTimeFormatter> DATE_FORMS = List.of(DateTimeFormatter.ofPattern("ddMMyyyy"),
            DateTimeFormatter.ofPattern("yyyyMMdd"), DateTimeFormatter.ofPattern("ddMMyy"), DateTimeFormatter.ofPattern("MMddyyyy"));

    private final int minLength;
    private final int maxLength;

    public PinPolicy(int minLength, int maxLength) {
        if (minLength < 4 || maxLength < minLength || maxLength > 16) {
            throw new IllegalArgumentException("PIN length limits must be 4 <= min <= max <= 16");
        }
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** The reference card profile and the usual e-signature cards: 6 to 12 digits. */
    public static PinPolicy sixToTwelveDigits() {
        return new PinPolicy(6, 12);
    }

    public int minLength() {
        return minLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /** Every rule the PIN breaks, in a stable order; empty when it may be written to the card. */
    public List<Violation> check(char[] pin, char[] repeated, String tckn, LocalDate birthDate) {
        Objects.requireNonNull(pin, "pin");
        List<Violation> violations = new ArrayList<>();
        if (pin.length < minLength || pin.length > maxLength) {
            violations.add(Violation.LENGTH);
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                violations.add(Violation.NOT_DIGITS);
                return violations; // the other rules speak about digits
            }
        }
        if (repeated == null || !java.util.Arrays.equals(pin, repeated)) {
            violations.add(Violation.MISMATCH);
        }
        if (pin.length > 1 && allSteps(pin, 0)) {
            violations.add(Violation.REPEATED_DIGIT);
        }
        if (pin.length > 2 && (allSteps(pin, 1) || allSteps(pin, -1))) {
            violations.add(Violation.SEQUENCE);
        }
        if (tckn != null && pin.length > 0 && indexOf(tckn.toCharArray(), pin) >= 0) {
            violations.add(Violation.IN_TCKN);
        }
        if (birthDate != null && pin.length > 0 && DATE_FORMS.stream().map(form -> birthDate.format(form).toCharArray())
                .anyMatch(form -> indexOf(form, pin) >= 0 || indexOf(pin, form) >= 0)) {
            violations.add(Violation.IN_BIRTH_DATE);
        }
        return violations;
    }

    /** Where {@code needle} starts in {@code haystack}, or -1; on char arrays, so the PIN never becomes a String. */
    private static int indexOf(char[] haystack, char[] needle) {
        outer:
        for (int start = 0; start + needle.length <= haystack.length; start++) {
            for (int i = 0; i < needle.length; i++) {
                if (haystack[start + i] != needle[i]) {
                    continue outer;
                }
            }
            return start;
        }
        return -1;
    }

    /** True when every digit is the previous one plus {@code step} (0: one digit repeated). */
    private static boolean allSteps(char[] pin, int step) {
        for (int i = 1; i < pin.length; i++) {
            if (pin[i] - pin[i - 1] != step) {
                return false;
            }
        }
        return true;
    }
}
