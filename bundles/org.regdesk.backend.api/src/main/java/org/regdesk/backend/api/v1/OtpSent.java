package org.regdesk.backend.api.v1;

import java.time.Instant;

/** POST .../otp: whether a new SMS went out, and when the next one may be asked for. */
public record OtpSent(boolean sent, String phoneMasked, Instant expiresAt, Instant resendAllowedAt) {
}
