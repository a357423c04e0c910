package org.regdesk.server.eonay.internal;

import org.regdesk.server.desk.AuditAction;

/** The E-Onay operation's steps in the audit trail. */
enum EOnayAudit implements AuditAction {
    EONAY_TEXT_SHOWN, EONAY_SUBMIT, CERTIFICATE_APPLICATION
}
