package org.regdesk.server.registry.internal;

import org.regdesk.server.desk.AuditAction;

/** The registry core's audit actions; operations bring their own. */
enum CoreAudit implements AuditAction {
    OPERATOR_SIGN_IN, OPERATOR_SIGN_OUT, DESK_CHECK, SESSION_OPEN, SESSION_EXPIRED, SESSION_ABORT, OTP_SEND, OTP_VERIFY,
    CODE_ISSUE, AUDIT_EXPORT
}
