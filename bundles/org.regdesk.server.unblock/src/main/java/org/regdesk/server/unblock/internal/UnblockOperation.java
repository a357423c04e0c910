package org.regdesk.server.unblock.internal;

import java.util.EnumSet;

import org.osgi.service.component.annotations.Component;
import org.regdesk.server.desk.AbstractDeskOperation;
import org.regdesk.server.desk.DeskOperation;
import org.regdesk.server.store.Operator.Role;

/** PIN creation / card unblock: a session for it is opened with a code for PIN_UNBLOCK; operators and supervisors serve it. */
@Component(service = DeskOperation.class, property = DeskOperation.ID_PROPERTY + "=" + UnblockOperation.ID)
public final class UnblockOperation extends AbstractDeskOperation {

    public static final String ID = "PIN_UNBLOCK";

    public UnblockOperation() {
        super(ID, EnumSet.of(Role.OPERATOR, Role.SUPERVISOR));
    }
}
