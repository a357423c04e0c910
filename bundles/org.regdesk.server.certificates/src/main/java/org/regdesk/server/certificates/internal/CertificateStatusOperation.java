package org.regdesk.server.certificates.internal;

import java.util.EnumSet;

import org.osgi.service.component.annotations.Component;
import org.regdesk.server.desk.AbstractDeskOperation;
import org.regdesk.server.desk.DeskOperation;
import org.regdesk.server.store.Operator.Role;

/** "Sertifika İşlemleri": a session for it is opened for CERTIFICATE_STATUS; operators and supervisors serve it. */
@Component(service = DeskOperation.class, property = DeskOperation.ID_PROPERTY + "=" + CertificateStatusOperation.ID)
public final class CertificateStatusOperation extends AbstractDeskOperation {

    public static final String ID = "CERTIFICATE_STATUS";

    public CertificateStatusOperation() {
        super(ID, EnumSet.of(Role.OPERATOR, Role.SUPERVISOR));
    }
}
