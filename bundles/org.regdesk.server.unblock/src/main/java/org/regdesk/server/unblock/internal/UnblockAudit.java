package org.regdesk.server.unblock.internal;

import org.regdesk.server.desk.AuditAction;

/** The unblock operation's steps in the audit trail. */
enum UnblockAudit implements AuditAction {
    UNBLOCK_AUTHORIZE, UNBLOCK_COMPLETE
}
