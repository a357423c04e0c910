package org.regdesk.ui.operation.example;

import jakarta.inject.Inject;

import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.regdesk.backend.api.session.DeskSessions;
import org.regdesk.ui.desk.DeskDialogHandler;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.DeskServices;

/**
 * The example operation's command: enabled for a signed-in operator like every desk operation (the desk
 * kit's handler base), it opens a dialog of its own. Everything it needs comes from the desk kit's API.
 */
public class ExampleHandler extends DeskDialogHandler<DeskSessions> {

    /** The role the example dialog's shell carries, for the tests. */
    public static final String DIALOG_ROLE = "example.dialog";

    @Inject
    @Translation
    private Messages messages;

    public ExampleHandler() {
        super(DeskSessions.class);
    }

    @Override
    protected Window dialog(Shell shell, DeskMessages desk, DeskServices<DeskSessions> services) {
        MessageDialog dialog = new MessageDialog(shell, shell.getText(), null, messages.example_done,
                MessageDialog.INFORMATION, 0, desk.wizard_finish) {
            @Override
            protected void configureShell(Shell newShell) {
                super.configureShell(newShell);
                org.regdesk.ui.desk.WidgetRoles.tag(newShell, DIALOG_ROLE);
            }
        };
        dialog.setBlockOnOpen(false);
        return dialog;
    }
}
