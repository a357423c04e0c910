package org.regdesk.backend.api.v1;

/**
 * A certificate application made at the desk, resting on the citizen's E-Onay instead of a wet-signed
 * form, for the citizen of an E-Onay desk session at this desk (the citizen proved who they are there; no
 * TCKN is taken from the request).
 *
 * @param sessionId the E-Onay desk session in which the citizen stands at the desk
 * @param kind NEW or RENEWAL
 */
public record CertificateApplicationRequest(String sessionId, String kind) {
}
