package org.regdesk.backend.api.v1;

/**
 * A certificate application made at the desk, resting on the citizen's E-Onay instead of a wet-signed
 * form.
 *
 * @param kind NEW or RENEWAL
 */
public record CertificateApplicationRequest(String tckn, String kind) {
}
