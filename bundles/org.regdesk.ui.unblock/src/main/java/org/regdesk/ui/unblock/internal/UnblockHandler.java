package org.regdesk.ui.unblock.internal;

import jakarta.inject.Inject;

import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.backend.api.RegistryConnector;
import org.regdesk.card.api.CardService;
import org.regdesk.ui.desk.DeskDialogHandler;
import org.regdesk.ui.desk.DeskMessages;

/** Opens "PIN Oluşturma / Kilit Çözme" for a signed-in operator. */
public class UnblockHandler extends DeskDialogHandler {

    @Inject
    @Translation
    private Messages messages;

    @Override
    protected WizardDialog dialog(Shell shell, DeskMessages desk, RegistryConnector registry, CardService cards) {
        return UnblockWizard.dialog(shell, messages, desk, registry, cards);
    }
}
