package org.regdesk.ui.workstation.handlers;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.backend.api.RegistryConnector;
import org.regdesk.card.api.CardService;
import org.regdesk.ui.workstation.dialogs.ApplicationsDialog;
import org.regdesk.ui.workstation.l10n.Messages;

/** Opens the certificate applications and their queue for a signed-in operator. */
public class ApplicationsHandler extends DeskDialogHandler {

    @Override
    String title(Messages messages) {
        return messages.applications_title;
    }

    @Override
    Window dialog(Shell shell, Messages messages, RegistryConnector registry, CardService cards) {
        return new ApplicationsDialog(shell, messages, registry);
    }
}
