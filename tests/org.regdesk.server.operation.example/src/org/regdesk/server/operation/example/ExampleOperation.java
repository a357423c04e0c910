package org.regdesk.server.operation.example;

import java.util.EnumSet;

import org.osgi.service.component.annotations.Component;
import org.regdesk.server.desk.AbstractDeskOperation;
import org.regdesk.server.desk.DeskOperation;
import org.regdesk.server.store.Operator.Role;

/**
 * The example desk operation: citizens get verification codes for EXAMPLE and desks open sessions for
 * it, but only a supervisor may serve it (the plug-in's own authorization rule).
 */
@Component(service = DeskOperation.class, property = DeskOperation.ID_PROPERTY + "=" + ExampleOperation.ID)
public class ExampleOperation extends AbstractDeskOperation {

    public static final String ID = "EXAMPLE";

    public ExampleOperation() {
        super(ID, EnumSet.of(Role.SUPERVISOR));
    }
}
