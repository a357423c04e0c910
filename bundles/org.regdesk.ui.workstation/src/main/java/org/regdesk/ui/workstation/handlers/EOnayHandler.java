package org.regdesk.ui.workstation.handlers;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.backend.api.RegistryConnector;
import org.regdesk.card.api.CardService;
import org.regdesk.ui.workstation.l10n.Messages;
import org.regdesk.ui.workstation.wizards.EOnayWizard;

/** Opens "E-Onay İşlemleri" for a signed-in operator. */
public class EOnayHandler extends DeskDialogHandler {

    @Override
    String title(Messages messages) {
        return messages.eonay_title;
    }

    @Override
    WizardDialog dialog(Shell shell, Messages messages, RegistryConnector registry, CardService cards) {
        return EOnayWizard.dialog(shell, messages, registry, cards);
    }
}
