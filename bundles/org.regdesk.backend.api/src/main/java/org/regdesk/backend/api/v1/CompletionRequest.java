package org.regdesk.backend.api.v1;

/**
 * POST .../complete: what happened on the card. {@code outcome} SUCCEEDED or FAILED (with the driver's
 * {@code reason}); for an SO PIN rotation it tells the backend which SO PIN the token now has.
 */
public record CompletionRequest(String authorizationId, String outcome, String reason) {
}
