package org.regdesk.server.operation.example;

import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.regdesk.server.desk.DeskOperation;
import org.regdesk.server.store.Operator.Role;

/**
 * The example desk operation: citizens get verification codes for EXAMPLE and desks open sessions for
 * it, but only a supervisor may serve it (the plug-in's own authorization rule).
 */
@Component(property = DeskOperation.ID_PROPERTY + "=" + ExampleOperation.ID)
public class ExampleOperation implements DeskOperation {

    public static final String ID = "EXAMPLE";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Role> roles() {
        return EnumSet.of(Role.SUPERVISOR);
    }
}
