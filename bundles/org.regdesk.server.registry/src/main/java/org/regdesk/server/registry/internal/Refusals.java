package org.regdesk.server.registry.internal;

import java.util.Map;

import org.regdesk.server.desk.Refusal;
import org.regdesk.server.desk.Refusal.Kind;

/**
 * The registry core's refusals in one place, so codes and parameters stay consistent. The code is the
 * contract (docs/api/openapi.yaml); desks and the portal translate it, the text is an English fallback.
 */
final class Refusals {

    private Refusals() {
    }

    static Refusal unknownDesk() {
        return new Refusal(Kind.FORBIDDEN, "UNKNOWN_DESK", "This desk certificate does not belong to a registered, active desk.");
    }

    static Refusal signInRequired() {
        return new Refusal(Kind.UNAUTHENTICATED, "SIGN_IN_REQUIRED", "Please sign in (your sign-in may have expired).");
    }

    static Refusal wrongCredentials() {
        return new Refusal(Kind.UNAUTHENTICATED, "WRONG_CREDENTIALS", "Wrong user name or password.");
    }

    static Refusal tooManyAttempts() {
        return new Refusal(Kind.TOO_MANY, "TOO_MANY_ATTEMPTS",
                "Too many failed attempts from this desk. Please try again in 10 minutes.", Map.of("minutes", "10"));
    }

    /** Failed sign-ins of this account came fast: the next try waits a little (never a lock-out of minutes). */
    static Refusal signInPaused(java.time.Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new Refusal(Kind.TOO_MANY, "SIGN_IN_PAUSED", "Several wrong passwords for this account: please wait "
                + seconds + " seconds before trying again.", Map.of("seconds", Long.toString(seconds)));
    }

    static Refusal roleNotAllowed(String role) {
        return new Refusal(Kind.FORBIDDEN, "ROLE_NOT_ALLOWED", "A user in the " + role + " role cannot do this.",
                Map.of("role", role));
    }

    static Refusal operationUnknown(String operation) {
        return new Refusal(Kind.NOT_FOUND, "OPERATION_UNKNOWN", "This registry does not offer the operation " + operation + ".",
                Map.of("operation", operation));
    }

    static Refusal code(String reason) {
        return switch (reason) {
        case "MALFORMED" -> new Refusal(Kind.INVALID, "CODE_MALFORMED", "The verification code must be 15 digits.");
        case "UNKNOWN" -> new Refusal(Kind.NOT_FOUND, "CODE_UNKNOWN", "Verification code not found. Please check the code.");
        case "EXPIRED" -> new Refusal(Kind.GONE, "CODE_EXPIRED",
                "The verification code has expired. The citizen must get a new one on the portal.");
        case "ALREADY_USED" -> new Refusal(Kind.CONFLICT, "CODE_ALREADY_USED", "This verification code was already used.");
        case "WRONG_PURPOSE" -> new Refusal(Kind.CONFLICT, "CODE_WRONG_PURPOSE", "This code was issued for another operation.");
        default -> tooManyAttempts();
        };
    }

    static Refusal citizenUnknown() {
        return new Refusal(Kind.NOT_FOUND, "CITIZEN_UNKNOWN", "No citizen is registered with this TCKN.");
    }

    static Refusal identityMismatch() {
        return new Refusal(Kind.FORBIDDEN, "IDENTITY_MISMATCH", "The ID document number does not match the registry.");
    }

    static Refusal sessionUnknown() {
        return new Refusal(Kind.NOT_FOUND, "SESSION_UNKNOWN", "Desk session not found.");
    }

    static Refusal sessionExpired() {
        return new Refusal(Kind.GONE, "SESSION_EXPIRED", "The session has expired. Please start again.");
    }

    /** @param state a session state, or CHANGED when another request moved it */
    static Refusal sessionClosed(String state) {
        return new Refusal(Kind.CONFLICT, "SESSION_CLOSED", "This desk session is closed (" + state
                + "). Start again for another operation.", Map.of("state", state));
    }

    static Refusal wrongPurpose() {
        return new Refusal(Kind.CONFLICT, "WRONG_PURPOSE", "This session was not opened for this operation.");
    }

    static Refusal otp(String outcome, int attemptsLeft) {
        Map<String, String> params = Map.of("attemptsLeft", Integer.toString(attemptsLeft));
        return switch (outcome) {
        case "WRONG_CODE" -> new Refusal(Kind.INVALID, "OTP_WRONG", "Wrong SMS code. Attempts left: " + attemptsLeft, params);
        case "EXPIRED" -> new Refusal(Kind.GONE, "OTP_EXPIRED", "The SMS code has expired. Ask for a new one.", params);
        case "NO_ATTEMPTS_LEFT" -> new Refusal(Kind.TOO_MANY, "OTP_NO_ATTEMPTS_LEFT",
                "No attempts left for this SMS code. Ask for a new one.", params);
        default -> new Refusal(Kind.CONFLICT, "OTP_NOT_SENT", "No SMS code was sent yet.");
        };
    }

    /** A send cap: no more SMS for this session (a new identity check starts a new one) or to this phone today. */
    static Refusal smsLimit(org.regdesk.server.otp.internal.SmsOneTimeCodes.Held held) {
        return held == org.regdesk.server.otp.internal.SmsOneTimeCodes.Held.DAILY_LIMIT
                ? new Refusal(Kind.TOO_MANY, "SMS_DAILY_LIMIT", "This phone has had its SMS codes for today. Please try again tomorrow.")
                : new Refusal(Kind.TOO_MANY, "SMS_SESSION_LIMIT",
                        "No more SMS codes for this session. Cancel and start again with the citizen's identity.");
    }

    static Refusal smsUnavailable() {
        return new Refusal(Kind.UNAVAILABLE, "SMS_UNAVAILABLE", "The SMS could not be sent. Please try again shortly.");
    }
}
