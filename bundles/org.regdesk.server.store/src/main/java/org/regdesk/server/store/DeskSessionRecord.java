package org.regdesk.server.store;

import java.time.Instant;
import java.util.Optional;

import org.regdesk.backend.api.Purpose;
import org.regdesk.backend.api.Tckn;

/**
 * A citizen served at a desk. {@code kind} CODE (portal verification code) or ASSISTED (operator checked
 * the ID document); {@code state} OPEN, OTP_VERIFIED, COMPLETED, FAILED or ABORTED.
 */
public record DeskSessionRecord(String id, Tckn citizen, Purpose purpose, String kind, String deskId, String operator,
        String state, Instant startedAt, Instant expiresAt, Optional<Instant> otpVerifiedAt, Optional<Instant> endedAt,
        Optional<String> cardSerial) {

    public boolean open() {
        return "OPEN".equals(state) || "OTP_VERIFIED".equals(state);
    }
}
