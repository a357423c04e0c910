package org.regdesk.server.eonay.internal;

import java.util.EnumSet;

import org.osgi.service.component.annotations.Component;
import org.regdesk.server.desk.AbstractDeskOperation;
import org.regdesk.server.desk.DeskOperation;
import org.regdesk.server.store.Operator.Role;

/** E-Onay: consent or withdrawal signed at the desk in a session opened for E_ONAY; also guards certificate applications. */
@Component(service = DeskOperation.class, property = DeskOperation.ID_PROPERTY + "=" + EOnayOperation.ID)
public final class EOnayOperation extends AbstractDeskOperation {

    public static final String ID = "E_ONAY";

    public EOnayOperation() {
        super(ID, EnumSet.of(Role.OPERATOR, Role.SUPERVISOR));
    }
}
