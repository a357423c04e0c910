package org.regdesk.ui.workstation.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.regdesk.backend.api.RegistryConnector;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.card.api.CardService;
import org.regdesk.ui.workstation.l10n.Messages;

/** Opens a desk dialog or wizard for a signed-in operator, with the registry connector and the cards. */
abstract class DeskDialogHandler {

    @CanExecute
    public boolean canExecute(@Optional OperatorSignedIn operator) {
        return operator != null;
    }

    @Execute
    public void execute(@Named("activeShell") Shell shell, @Translation Messages messages) {
        BundleContext context = FrameworkUtil.getBundle(DeskDialogHandler.class).getBundleContext();
        ServiceReference<RegistryConnector> registry = context.getServiceReference(RegistryConnector.class);
        ServiceReference<CardService> cards = context.getServiceReference(CardService.class);
        if (registry == null || cards == null) {
            MessageDialog.openError(shell, title(messages), messages.signIn_noConnector);
            return;
        }
        try {
            dialog(shell, messages, context.getService(registry), context.getService(cards)).open();
        } finally {
            context.ungetService(registry);
            context.ungetService(cards);
        }
    }

    abstract String title(Messages messages);

    abstract Window dialog(Shell shell, Messages messages, RegistryConnector registry, CardService cards);
}
