package org.regdesk.ui.certificates.internal;

import jakarta.inject.Inject;

import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.backend.api.desk.DeskApi;
import org.regdesk.ui.desk.DeskDialogHandler;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.DeskServices;

/** Opens "Sertifika İşlemleri" for a signed-in operator. */
public class CertificatesHandler extends DeskDialogHandler<DeskApi> {

    @Inject
    @Translation
    private Messages messages;

    public CertificatesHandler() {
        super(DeskApi.class);
    }

    @Override
    protected WizardDialog dialog(Shell shell, DeskMessages desk, DeskServices<DeskApi> services) {
        return CertificatesWizard.dialog(shell, messages, desk, services.sessions(), services.connector());
    }
}
