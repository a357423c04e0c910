package org.regdesk.ui.applications.internal;

import jakarta.inject.Inject;

import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.backend.api.applications.ApplicationsConnector;
import org.regdesk.ui.desk.DeskDialogHandler;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.DeskServices;

/** Opens the certificate applications and their queue for a signed-in operator. */
public class ApplicationsHandler extends DeskDialogHandler<ApplicationsConnector> {

    @Inject
    @Translation
    private Messages messages;

    public ApplicationsHandler() {
        super(ApplicationsConnector.class);
    }

    @Override
    protected Window dialog(Shell shell, DeskMessages desk, DeskServices<ApplicationsConnector> services) {
        return new ApplicationsDialog(shell, messages, desk, services.connector());
    }
}
