package org.regdesk.ui.workstation.handlers;

import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.e4.core.di.annotations.Execute;
import org.regdesk.ui.workstation.dialogs.AboutDialog;
import org.regdesk.ui.workstation.l10n.Messages;
import org.osgi.framework.FrameworkUtil;

import jakarta.inject.Named;

/** Opens the About dialog with the installed components. */
public class AboutHandler {

    @Execute
    public void execute(@Named("activeShell") Shell shell, @Translation Messages messages) {
        new AboutDialog(shell, messages, FrameworkUtil.getBundle(AboutHandler.class).getBundleContext()).open();
    }
}
