package org.regdesk.backend.certificates;

/**
 * POST .../revoke. {@code reason}: KEY_COMPROMISE, CESSATION_OF_OPERATION, SUPERSEDED or
 * AFFILIATION_CHANGED; {@code confirmSerial} repeats the serial the operator confirmed twice, so a
 * revocation never follows from a stale screen.
 */
public record RevocationRequest(String reason, String confirmSerial) {
}
