package org.regdesk.backend.api.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A citizen's session at one desk, valid until {@code expiresAt}. {@code tckn} and {@code birthDate}
 * are here so the workstation can refuse a PIN made of them without the PIN ever leaving the desk.
 *
 * @param state OPEN, OTP_VERIFIED, COMPLETED, FAILED or ABORTED
 * @param cards the citizen's registered cards: the desk offers only these
 */
public record DeskSession(String sessionId, String purpose, String kind, String state, String citizenName, String tckn,
        LocalDate birthDate, String phoneMasked, Instant expiresAt, List<RegisteredCard> cards) {
}
