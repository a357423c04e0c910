package org.regdesk.ui.eonay.internal;

import jakarta.inject.Inject;

import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.backend.api.eonay.EOnayConnector;
import org.regdesk.ui.desk.DeskDialogHandler;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.DeskServices;

/** Opens "E-Onay İşlemleri" for a signed-in operator. */
public class EOnayHandler extends DeskDialogHandler<EOnayConnector> {

    @Inject
    @Translation
    private Messages messages;

    public EOnayHandler() {
        super(EOnayConnector.class);
    }

    @Override
    protected WizardDialog dialog(Shell shell, DeskMessages desk, DeskServices<EOnayConnector> services) {
        return EOnayWizard.dialog(shell, messages, desk, services.sessions(), services.connector(), services.cards());
    }
}
