package org.regdesk.server.certificates.internal;

import org.regdesk.server.desk.AuditAction;

/** The certificate status operation's steps in the audit trail. */
enum CertificateAudit implements AuditAction {
    CERTIFICATES_LIST, CERTIFICATE_SUSPEND, CERTIFICATE_RESUME, CERTIFICATE_REVOKE, CERTIFICATES_DONE
}
