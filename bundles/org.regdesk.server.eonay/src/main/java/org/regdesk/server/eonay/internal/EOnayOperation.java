package org.regdesk.server.eonay.internal;

import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.regdesk.server.desk.DeskOperation;
import org.regdesk.server.store.Operator.Role;

/** E-Onay: consent or withdrawal signed at the desk in a session opened for E_ONAY; also guards certificate applications. */
@Component(property = DeskOperation.ID_PROPERTY + "=" + EOnayOperation.ID)
public final class EOnayOperation implements DeskOperation {

    public static final String ID = "E_ONAY";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Role> roles() {
        return EnumSet.of(Role.OPERATOR, Role.SUPERVISOR);
    }
}
