package org.regdesk.server.store;

import java.time.Instant;

import org.regdesk.backend.api.Tckn;

/**
 * A verified, signed E-Onay consent or withdrawal as recorded: the CMS itself (base64 DER), what it was
 * checked against, and the hash that keeps a signature from being recorded twice.
 *
 * @param kind CONSENT or WITHDRAWAL
 */
public record EOnayRecord(String id, Tckn citizen, String kind, int textVersion, String sessionId, String certificateSerial,
        String certificateIssuer, Instant readAt, Instant signingTime, Instant recordedAt, String signatureSha256,
        String cmsBase64) {
}
