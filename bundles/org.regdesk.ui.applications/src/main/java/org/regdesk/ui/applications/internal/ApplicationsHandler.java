package org.regdesk.ui.applications.internal;

import jakarta.inject.Inject;

import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.backend.api.RegistryConnector;
import org.regdesk.card.api.CardService;
import org.regdesk.ui.desk.DeskDialogHandler;
import org.regdesk.ui.desk.DeskMessages;

/** Opens the certificate applications and their queue for a signed-in operator. */
public class ApplicationsHandler extends DeskDialogHandler {

    @Inject
    @Translation
    private Messages messages;

    @Override
    protected Window dialog(Shell shell, DeskMessages desk, RegistryConnector registry, CardService cards) {
        return new ApplicationsDialog(shell, messages, desk, registry);
    }
}
