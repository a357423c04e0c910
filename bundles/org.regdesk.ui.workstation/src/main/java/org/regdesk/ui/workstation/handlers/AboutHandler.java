package org.regdesk.ui.workstation.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.workstation.dialogs.AboutDialog;
import org.regdesk.ui.workstation.l10n.Messages;

/** Opens the About dialog with the installed components. */
public class AboutHandler {

    @Execute
    public void execute(@Named("activeShell") Shell shell, @Translation Messages messages, @Translation DeskMessages desk) {
        new AboutDialog(shell, messages, desk, FrameworkUtil.getBundle(AboutHandler.class).getBundleContext()).open();
    }
}
