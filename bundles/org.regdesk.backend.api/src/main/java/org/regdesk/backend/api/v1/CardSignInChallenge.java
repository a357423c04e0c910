package org.regdesk.backend.api.v1;

import java.time.Instant;

/**
 * POST /api/v1/operators/sign-in/challenge: what the operator's card signs (with {@link CardSignInRequest#signedMessage}),
 * for this desk only, as the registry knows it by its certificate, once, until {@code expiresAt}.
 */
public record CardSignInChallenge(String challenge, String desk, Instant expiresAt) {
}
