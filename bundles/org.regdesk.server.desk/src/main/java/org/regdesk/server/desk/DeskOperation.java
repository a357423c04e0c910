package org.regdesk.server.desk;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.regdesk.server.store.Operator;

/**
 * A desk operation (PIN unblock, E-Onay, ...), registered as an OSGi service by the bundle that brings
 * it: its id is the session purpose a verification code and a desk session are bound to, and its roles
 * say who may serve it. The registry opens sessions only for operations that are registered now; the
 * bundle serves its own steps as routes over {@link DeskSessionService} and {@link AuditService}.
 */
@ConsumerType
public interface DeskOperation {

    /** Service property carrying {@link #id()}, for target filters. */
    String ID_PROPERTY = "regdesk.operation";

    /** Upper-case letters, digits and '_', stable: codes, sessions and the audit trail store it. */
    String id();

    /** The operator roles that may open sessions for it and take its steps. */
    Set<Operator.Role> roles();

    /** Whether an id is well-formed (the API refuses others before looking them up). */
    static boolean validId(String id) {
        return id != null && id.matches("[A-Z][A-Z0-9_]{1,31}");
    }
}
