package org.regdesk.ui.workstation.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.regdesk.backend.api.session.DeskSessions;
import org.regdesk.backend.api.v1.OperatorSignedIn;

/** Ends the operator's sign-in at the backend and on this desk. */
public class SignOutHandler {

    @CanExecute
    public boolean canExecute(@Optional OperatorSignedIn operator) {
        return operator != null;
    }

    @Execute
    public void execute(MApplication application) {
        BundleContext context = FrameworkUtil.getBundle(SignOutHandler.class).getBundleContext();
        ServiceReference<DeskSessions> reference = context.getServiceReference(DeskSessions.class);
        if (reference != null) {
            try {
                context.getService(reference).signOut();
            } finally {
                context.ungetService(reference);
            }
        }
        application.getContext().remove(OperatorSignedIn.class);
        application.getContext().remove(org.regdesk.ui.workstation.signin.OperatorCard.class);
    }
}
