package org.regdesk.backend.api.v1;

/**
 * POST /api/v1/desk-sessions: either the citizen's 15-digit {@code verificationCode}, or, for the
 * operator-assisted path, the {@code tckn} and the {@code idDocumentNumber} the operator checked.
 *
 * @param purpose {@code PIN_UNBLOCK} or {@code E_ONAY}
 */
public record OpenSessionRequest(String purpose, String verificationCode, String tckn, String idDocumentNumber) {
    @Override
    public String toString() {
        return "OpenSessionRequest[purpose=" + purpose + ", code=" + (verificationCode == null ? "-" : "***") + "]";
    }
}
