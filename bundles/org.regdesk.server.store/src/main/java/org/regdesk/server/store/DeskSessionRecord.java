package org.regdesk.server.store;

import java.time.Instant;
import java.util.Optional;

import org.regdesk.backend.api.Tckn;

/**
 * A citizen served at a desk for one operation ({@code operation}: the id of the desk operation the
 * session was opened for, e.g. PIN_UNBLOCK). {@code kind} CODE (portal verification code) or ASSISTED
 * (operator checked the ID document).
 */
public record DeskSessionRecord(String id, Tckn citizen, String operation, String kind, String deskId, String operator,
        SessionState state, Instant startedAt, Instant expiresAt, Optional<Instant> otpVerifiedAt, Optional<Instant> endedAt,
        Optional<String> cardSerial) {

    public boolean open() {
        return state.open();
    }
}
