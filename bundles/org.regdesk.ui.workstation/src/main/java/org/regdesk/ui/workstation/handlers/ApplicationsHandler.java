package org.regdesk.ui.workstation.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.regdesk.backend.api.RegistryConnector;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.ui.workstation.dialogs.ApplicationsDialog;
import org.regdesk.ui.workstation.l10n.Messages;

/** Opens the certificate applications and their queue for a signed-in operator. */
public class ApplicationsHandler {

    @CanExecute
    public boolean canExecute(@Optional OperatorSignedIn operator) {
        return operator != null;
    }

    @Execute
    public void execute(@Named("activeShell") Shell shell, @Translation Messages messages) {
        BundleContext context = FrameworkUtil.getBundle(ApplicationsHandler.class).getBundleContext();
        ServiceReference<RegistryConnector> registry = context.getServiceReference(RegistryConnector.class);
        if (registry == null) {
            MessageDialog.openError(shell, messages.applications_title, messages.signIn_noConnector);
            return;
        }
        try {
            new ApplicationsDialog(shell, messages, context.getService(registry)).open();
        } finally {
            context.ungetService(registry);
        }
    }
}
