package org.regdesk.ui.certificates.internal;

import org.eclipse.e4.core.services.nls.Message;

/**
 * Operator-facing text of "Sertifika İşlemleri", from this bundle's {@code OSGI-INF/l10n/bundle*.properties}
 * (Turkish in {@code bundle_tr}, English in {@code bundle}); shared desk text is in
 * {@link org.regdesk.ui.desk.DeskMessages}. Field name = property key.
 */
@Message
public class Messages {

    public String certificates_title;
    public String certificates_listTitle;
    public String certificates_intro;
    public String certificates_none;
    public String certificates_loading;
    public String certificates_finishing;
    public String certificates_columnCard;
    public String certificates_columnSerial;
    public String certificates_columnKeyType;
    public String certificates_columnValidity;
    public String certificates_columnStatus;
    public String certificates_status_VALID;
    public String certificates_status_ON_HOLD;
    public String certificates_status_REVOKED;
    public String certificates_status_EXPIRED;
    public String certificates_reason_KEY_COMPROMISE;
    public String certificates_reason_CESSATION_OF_OPERATION;
    public String certificates_reason_SUPERSEDED;
    public String certificates_reason_AFFILIATION_CHANGED;
    public String certificates_reason_CERTIFICATE_HOLD;
    public String certificates_suspend;
    public String certificates_resume;
    public String certificates_revoke;
    public String certificates_suspending;
    public String certificates_resuming;
    public String certificates_revoking;
    public String certificates_suspended;
    public String certificates_resumed;
    public String certificates_revoked;
    public String certificates_revokeTitle;
    public String certificates_revokeReason;
    public String certificates_revokeChoose;
    public String certificates_revokeConsequences;
    public String certificates_revokeUnderstood;
    public String certificates_revokeConfirm;
    public String certificates_revokeFinal;
    public String certificates_revokeYes;
    public String certificates_revokeBack;

    /** The status column's text for a status code (VALID, ON_HOLD, REVOKED, EXPIRED) and its reason code. */
    String status(String status, String reason, String since) {
        String pattern = switch (status) {
        case "VALID" -> certificates_status_VALID;
        case "ON_HOLD" -> certificates_status_ON_HOLD;
        case "REVOKED" -> certificates_status_REVOKED;
        case "EXPIRED" -> certificates_status_EXPIRED;
        default -> status;
        };
        return org.regdesk.ui.desk.DeskFormats.format(pattern, since, reason == null ? "" : reason(reason));
    }

    /** The operator's words for an RFC 5280 reason code. */
    String reason(String reason) {
        return switch (reason) {
        case "KEY_COMPROMISE" -> certificates_reason_KEY_COMPROMISE;
        case "CESSATION_OF_OPERATION" -> certificates_reason_CESSATION_OF_OPERATION;
        case "SUPERSEDED" -> certificates_reason_SUPERSEDED;
        case "AFFILIATION_CHANGED" -> certificates_reason_AFFILIATION_CHANGED;
        case "CERTIFICATE_HOLD" -> certificates_reason_CERTIFICATE_HOLD;
        default -> reason;
        };
    }
}
