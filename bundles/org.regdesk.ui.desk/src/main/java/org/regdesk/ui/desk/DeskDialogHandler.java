package org.regdesk.ui.desk;

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

/**
 * The handler of a desk operation's command: enabled for a signed-in operator, it opens the operation's
 * dialog or wizard with the registry connector and the cards, or says what is missing.
 */
public abstract class DeskDialogHandler {

    @CanExecute
    public boolean canExecute(@Optional OperatorSignedIn operator) {
        return operator != null;
    }

    @Execute
    public void execute(@Named("activeShell") Shell shell, @Translation DeskMessages desk) {
        BundleContext context = FrameworkUtil.getBundle(DeskDialogHandler.class).getBundleContext();
        ServiceReference<RegistryConnector> registry = context.getServiceReference(RegistryConnector.class);
        ServiceReference<CardService> cards = context.getServiceReference(CardService.class);
        if (registry == null || cards == null) {
            MessageDialog.openError(shell, shell.getText(), desk.wizard_noConnector);
            return;
        }
        try {
            dialog(shell, desk, context.getService(registry), context.getService(cards)).open();
        } finally {
            context.ungetService(registry);
            context.ungetService(cards);
        }
    }

    /** The operation's dialog or wizard dialog, not yet open. */
    protected abstract Window dialog(Shell shell, DeskMessages desk, RegistryConnector registry, CardService cards);
}
