package org.regdesk.server.registry;

import java.util.Map;

import org.regdesk.server.http.ApiException;

/**
 * Every refusal of the registry API in one place, so codes and both languages stay consistent. The
 * code is the contract (docs/api/openapi.yaml); the texts tell the operator what to do next.
 */
public final class Refusals {

    private Refusals() {
    }

    static ApiException unknownDesk() {
        return new ApiException(403, "UNKNOWN_DESK", "Bu masa sertifikası kayıtlı veya etkin bir masaya ait değil.",
                "This desk certificate does not belong to a registered, active desk.");
    }

    static ApiException signInRequired() {
        return new ApiException(401, "SIGN_IN_REQUIRED", "Oturum açmanız gerekiyor (süre dolmuş olabilir).",
                "Please sign in (your sign-in may have expired).");
    }

    static ApiException wrongCredentials() {
        return new ApiException(401, "WRONG_CREDENTIALS", "Kullanıcı adı veya parola yanlış.",
                "Wrong user name or password.");
    }

    static ApiException tooManyAttempts() {
        return new ApiException(429, "TOO_MANY_ATTEMPTS",
                "Bu masadan çok fazla hatalı deneme yapıldı. Lütfen 10 dakika sonra tekrar deneyin.",
                "Too many failed attempts from this desk. Please try again in 10 minutes.");
    }

    static ApiException roleNotAllowed(String role) {
        String[] words = switch (role) {
            case "OPERATOR" -> new String[] { "operatör", "operator" };
            case "SUPERVISOR" -> new String[] { "süpervizör", "supervisor" };
            case "AUDITOR" -> new String[] { "denetçi", "auditor" };
            default -> new String[] { role, role };
        };
        return new ApiException(403, "ROLE_NOT_ALLOWED", "Bu işlemi " + words[0] + " rolündeki bir kullanıcı yapamaz.",
                "A user in the " + words[1] + " role cannot do this.", Map.of("role", role));
    }

    static ApiException invalid(String field, String tr, String en) {
        return new ApiException(400, "INVALID_FIELD", tr, en, Map.of("field", field));
    }

    static ApiException code(String reason) {
        return switch (reason) {
            case "MALFORMED" -> new ApiException(400, "CODE_MALFORMED", "Doğrulama kodu 15 haneli bir sayı olmalıdır.",
                    "The verification code must be 15 digits.");
            case "UNKNOWN" -> new ApiException(404, "CODE_UNKNOWN", "Doğrulama kodu bulunamadı. Kodu kontrol edin.",
                    "Verification code not found. Please check the code.");
            case "EXPIRED" -> new ApiException(410, "CODE_EXPIRED",
                    "Doğrulama kodunun süresi doldu. Vatandaş portaldan \"Tekrar Kod Al\" ile yeni kod almalıdır.",
                    "The verification code has expired. The citizen must get a new one with \"Tekrar Kod Al\" on the portal.");
            case "ALREADY_USED" -> new ApiException(409, "CODE_ALREADY_USED", "Bu doğrulama kodu daha önce kullanıldı.",
                    "This verification code was already used.");
            case "WRONG_PURPOSE" -> new ApiException(409, "CODE_WRONG_PURPOSE", "Bu kod başka bir işlem için alınmış.",
                    "This code was issued for another operation.");
            default -> tooManyAttempts();
        };
    }

    static ApiException citizenUnknown() {
        return new ApiException(404, "CITIZEN_UNKNOWN", "Bu T.C. Kimlik No ile kayıtlı vatandaş yok.",
                "No citizen is registered with this TCKN.");
    }

    static ApiException identityMismatch() {
        return new ApiException(403, "IDENTITY_MISMATCH", "Kimlik belgesi numarası kayıtla eşleşmiyor.",
                "The ID document number does not match the registry.");
    }

    static ApiException sessionUnknown() {
        return new ApiException(404, "SESSION_UNKNOWN", "İşlem oturumu bulunamadı.", "Desk session not found.");
    }

    static ApiException sessionExpired() {
        return new ApiException(410, "SESSION_EXPIRED", "İşlem süresi doldu. Lütfen yeniden başlayın.",
                "The session has expired. Please start again.");
    }

    static ApiException sessionClosed(String state) {
        String[] why = switch (state) {
            case "COMPLETED" -> new String[] { "işlem tamamlandı", "the operation is complete" };
            case "FAILED" -> new String[] { "işlem tamamlanamadı", "the operation failed" };
            case "ABORTED" -> new String[] { "işlem iptal edildi", "the operation was cancelled" };
            case "EXPIRED" -> new String[] { "süresi doldu", "it expired" };
            case "CHANGED" -> new String[] { "başka bir istekle değişti", "another request changed it" };
            default -> new String[] { state, state };
        };
        return new ApiException(409, "SESSION_CLOSED", "Bu masa oturumu kapandı: " + why[0] + ". Yeni bir işlem için yeniden başlayın.",
                "This desk session is closed: " + why[1] + ". Start again for another operation.", Map.of("state", state));
    }

    static ApiException otpRequired() {
        return new ApiException(409, "OTP_REQUIRED", "Önce SMS doğrulama kodu onaylanmalıdır.",
                "The SMS verification code must be confirmed first.");
    }

    static ApiException otp(String outcome, int attemptsLeft) {
        Map<String, String> details = Map.of("attemptsLeft", Integer.toString(attemptsLeft));
        return switch (outcome) {
            case "WRONG_CODE" -> new ApiException(400, "OTP_WRONG", "SMS kodu yanlış. Kalan deneme: " + attemptsLeft,
                    "Wrong SMS code. Attempts left: " + attemptsLeft, details);
            case "EXPIRED" -> new ApiException(410, "OTP_EXPIRED", "SMS kodunun süresi doldu. \"Yeniden gönder\" ile yeni kod isteyin.",
                    "The SMS code has expired. Ask for a new one with \"Yeniden gönder\".", details);
            case "NO_ATTEMPTS_LEFT" -> new ApiException(429, "OTP_NO_ATTEMPTS_LEFT",
                    "SMS kodu için deneme hakkı kalmadı. Yeni kod isteyin.", "No attempts left for this SMS code. Ask for a new one.",
                    details);
            default -> new ApiException(409, "OTP_NOT_SENT", "Henüz SMS kodu gönderilmedi.", "No SMS code was sent yet.");
        };
    }

    static ApiException smsUnavailable() {
        return new ApiException(503, "SMS_UNAVAILABLE", "SMS gönderilemedi. Lütfen biraz sonra tekrar deneyin.",
                "The SMS could not be sent. Please try again shortly.");
    }

    static ApiException cardNotOfCitizen() {
        return new ApiException(403, "CARD_NOT_OF_CITIZEN", "Bu kart bu vatandaşa ait değil.",
                "This card does not belong to this citizen.");
    }

    static ApiException wrongPurpose() {
        return new ApiException(409, "WRONG_PURPOSE", "Bu oturum bu işlem için açılmadı.",
                "This session was not opened for this operation.");
    }

    static ApiException authorizationLimit() {
        return new ApiException(429, "AUTHORIZATION_LIMIT", "Bu oturumda kart yazma hakkı kalmadı. Yeni bir oturum başlatın.",
                "No card write attempts are left in this session. Start a new session.");
    }

    static ApiException authorizationUnknown() {
        return new ApiException(404, "AUTHORIZATION_UNKNOWN", "Bu oturumda böyle bir yetki yok.",
                "No such authorization in this session.");
    }

    static ApiException alreadyReported() {
        return new ApiException(409, "ALREADY_REPORTED", "Bu kart işleminin sonucu zaten bildirildi.",
                "The result of this card operation was already reported.");
    }

    static ApiException keyServiceUnavailable() {
        return new ApiException(503, "KEY_SERVICE_UNAVAILABLE", "Anahtar servisine ulaşılamadı. Lütfen tekrar deneyin.",
                "The key service is unavailable. Please try again.");
    }
}
