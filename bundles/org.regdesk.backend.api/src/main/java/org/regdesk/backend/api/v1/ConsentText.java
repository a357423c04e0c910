package org.regdesk.backend.api.v1;

/**
 * A text the citizen signs at the desk, as the registry serves it: the exact UTF-8 bytes of
 * {@code text} are what the signature must cover; {@code sha256} is shown beside it.
 *
 * @param kind CONSENT (E-Onay) or WITHDRAWAL
 */
public record ConsentText(String kind, int version, String text, String sha256) {
}
