package org.regdesk.ui.unblock.internal;

import jakarta.inject.Inject;

import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.backend.api.unblock.UnblockConnector;
import org.regdesk.ui.desk.DeskDialogHandler;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.DeskServices;

/** Opens "PIN Oluşturma / Kilit Çözme" for a signed-in operator. */
public class UnblockHandler extends DeskDialogHandler<UnblockConnector> {

    @Inject
    @Translation
    private Messages messages;

    public UnblockHandler() {
        super(UnblockConnector.class);
    }

    @Override
    protected WizardDialog dialog(Shell shell, DeskMessages desk, DeskServices<UnblockConnector> services) {
        return UnblockWizard.dialog(shell, messages, desk, services.sessions(), services.connector(), services.cards());
    }
}
