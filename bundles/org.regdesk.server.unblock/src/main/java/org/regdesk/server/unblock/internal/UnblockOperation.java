package org.regdesk.server.unblock.internal;

import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.regdesk.server.desk.DeskOperation;
import org.regdesk.server.store.Operator.Role;

/** PIN creation / card unblock: a session for it is opened with a code for PIN_UNBLOCK; operators and supervisors serve it. */
@Component(property = DeskOperation.ID_PROPERTY + "=" + UnblockOperation.ID)
public final class UnblockOperation implements DeskOperation {

    public static final String ID = "PIN_UNBLOCK";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Role> roles() {
        return EnumSet.of(Role.OPERATOR, Role.SUPERVISOR);
    }
}
