package org.regdesk.ui.workstation.wizards;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.regdesk.backend.api.Tckn;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.ui.workstation.l10n.Messages;
import org.regdesk.ui.workstation.parts.ReadersPart;

/**
 * Step 1: the 15-digit code the citizen got on the portal (typed or pasted; spaces are ignored and the
 * code is checked before it is sent), or the operator's identity check: TCKN (check digits) and the ID
 * document number the operator looked at.
 */
class IdentityPage extends WizardPage {

    private final Messages messages;
    private final String purpose;
    private Button byCode;
    private Text code;
    private Text tckn;
    private Text document;

    /** @param purpose what the session is opened for: PIN_UNBLOCK or E_ONAY */
    IdentityPage(Messages messages, String purpose) {
        super("identity");
        this.messages = messages;
        this.purpose = purpose;
        setTitle(messages.wizard_identityTitle);
        setDescription(messages.wizard_identityIntro);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        byCode = new Button(page, SWT.RADIO);
        byCode.setText(messages.wizard_byCode);
        byCode.setSelection(true);
        byCode.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(page, SWT.NONE).setText(messages.wizard_code);
        code = text(page, "wizard.code");
        Button assisted = new Button(page, SWT.RADIO);
        assisted.setText(messages.wizard_assisted);
        assisted.setData(ReadersPart.ROLE, "wizard.assisted");
        assisted.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(page, SWT.NONE).setText(messages.wizard_tckn);
        tckn = text(page, "wizard.tckn");
        new Label(page, SWT.NONE).setText(messages.wizard_document);
        document = text(page, "wizard.document");
        byCode.addListener(SWT.Selection, event -> validate());
        assisted.addListener(SWT.Selection, event -> validate());
        setControl(page);
        validate();
    }

    private Text text(Composite page, String role) {
        Text text = new Text(page, SWT.BORDER);
        text.setData(ReadersPart.ROLE, role);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.addListener(SWT.Modify, event -> validate());
        return text;
    }

    private String digits() {
        return code.getText().replaceAll("[\\s-]", "");
    }

    private void validate() {
        boolean withCode = byCode.getSelection();
        code.setEnabled(withCode);
        tckn.setEnabled(!withCode);
        document.setEnabled(!withCode);
        String problem = null;
        if (withCode) {
            if (!digits().isEmpty() && !digits().matches("[0-9]{1,15}")) {
                problem = messages.wizard_codeDigitsOnly;
            } else if (digits().length() != 15) {
                problem = digits().isEmpty() ? null : messages.wizard_codeLength;
            }
            setPageComplete(problem == null && digits().length() == 15);
        } else {
            String number = tckn.getText().strip();
            if (!number.isEmpty() && !Tckn.isValid(number)) {
                problem = messages.wizard_tcknInvalid;
            }
            setPageComplete(problem == null && Tckn.isValid(number) && !document.getText().isBlank());
        }
        setErrorMessage(problem);
    }

    /** The session behind this code ended: a new code (or a new identity check) starts again. */
    void startOver(String why) {
        code.setText("");
        setErrorMessage(why);
        setPageComplete(false);
    }

    OpenSessionRequest request() {
        return byCode.getSelection() ? new OpenSessionRequest(purpose, digits(), null, null)
                : new OpenSessionRequest(purpose, null, tckn.getText().strip(), document.getText().strip());
    }
}
