package org.regdesk.ui.workstation.handlers;

import java.util.Optional;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.regdesk.backend.api.session.DeskSessions;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.card.api.CardService;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.workstation.dialogs.SignInDialog;
import org.regdesk.ui.workstation.l10n.Messages;
import org.regdesk.ui.workstation.signin.OperatorCard;

/**
 * Operator sign-in: the signed-in operator is put into the application context, where the status bar
 * (and later the wizards) find it. Without a registry connector (the desk has no certificate
 * configured) the operator is told what to ask IT for.
 */
public class SignInHandler {

    @Execute
    public void execute(@Named("activeShell") Shell shell, @Translation Messages messages, @Translation DeskMessages desk,
            MApplication application) {
        BundleContext context = FrameworkUtil.getBundle(SignInHandler.class).getBundleContext();
        ServiceReference<DeskSessions> reference = context.getServiceReference(DeskSessions.class);
        if (reference == null) {
            MessageDialog.openError(shell, messages.signIn_title, desk.wizard_noConnector);
            return;
        }
        DeskSessions connector = context.getService(reference);
        ServiceReference<CardService> cardReference = context.getServiceReference(CardService.class);
        try {
            SignInDialog dialog = new SignInDialog(shell, messages, desk, connector,
                    Optional.ofNullable(cardReference).map(context::getService));
            if (dialog.open() == SignInDialog.OK) {
                // a card sign-in names its card: pulling it signs the operator out (OperatorCardRemovalAddon)
                application.getContext().set(OperatorCard.class, dialog.cardSerial().map(OperatorCard::new).orElse(null));
                dialog.signedIn().ifPresent(operator -> application.getContext().set(OperatorSignedIn.class, operator));
            }
        } finally {
            context.ungetService(reference);
            if (cardReference != null) {
                context.ungetService(cardReference);
            }
        }
    }
}
