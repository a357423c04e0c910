package org.regdesk.ui.workstation.dialogs;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.regdesk.backend.api.session.DeskSessions;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.OffTheUiThread;
import org.regdesk.ui.desk.WidgetRoles;
import org.regdesk.ui.workstation.l10n.Messages;

/**
 * The operator signs in at this desk. The desk itself is already known to the backend by its
 * certificate; a refusal (wrong password, too many tries, unknown desk, backend down) is shown in the
 * dialog in the workstation's language and the operator can try again.
 */
public class SignInDialog extends TitleAreaDialog {

    private final Messages messages;
    private final DeskMessages desk;
    private final DeskSessions connector;
    private Text username;
    private Text password;
    private OperatorSignedIn signedIn;

    public SignInDialog(Shell parent, Messages messages, DeskMessages desk, DeskSessions connector) {
        super(parent);
        this.messages = messages;
        this.desk = desk;
        this.connector = connector;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(messages.signIn_title);
        setMessage(messages.signIn_intro);
        getShell().setText(messages.signIn_title);
        Composite fields = new Composite(area, SWT.NONE);
        fields.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        fields.setLayout(new GridLayout(2, false));
        new Label(fields, SWT.NONE).setText(messages.signIn_username);
        username = new Text(fields, SWT.BORDER);
        username.setData(WidgetRoles.KEY, "signIn.username");
        username.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(fields, SWT.NONE).setText(messages.signIn_password);
        password = new Text(fields, SWT.BORDER | SWT.PASSWORD);
        password.setData(WidgetRoles.KEY, "signIn.password");
        password.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, messages.signIn_button, true);
        createButton(parent, IDialogConstants.CANCEL_ID, messages.signIn_cancel, false);
    }

    @Override
    protected void okPressed() {
        if (submit()) {
            super.okPressed();
        }
    }

    /** Signs in with what is typed; false (and the reason shown) when the backend refused. Public for tests. */
    public boolean submit() {
        String user = username.getText().strip();
        char[] secret = password.getTextChars();
        if (user.isEmpty() || secret.length == 0) {
            setErrorMessage(messages.signIn_missing);
            return false;
        }
        try {
            signedIn = OffTheUiThread.run(new ProgressMonitorDialog(getShell()), messages.signIn_checking, true,
                    RegistryException.class, monitor -> connector.signIn(user, secret));
            return true;
        } catch (RegistryException refused) {
            setErrorMessage(desk.refusal(refused));
            password.setText("");
            password.setFocus();
            return false;
        } catch (InterruptedException cancelled) {
            return false;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** Fills the fields, for tests that drive the dialog without a keyboard. */
    public void fill(String user, String secret) {
        username.setText(user);
        password.setText(secret);
    }

    public Optional<OperatorSignedIn> signedIn() {
        return Optional.ofNullable(signedIn);
    }
}
