package org.regdesk.backend.api.v1;

/** POST .../unblock-authorization: the card chosen and the challenge it just produced (hex). */
public record UnblockAuthorizationRequest(String cardSerial, String challenge) {
}
