package org.regdesk.ui.desk;

import org.eclipse.jface.wizard.IWizardPage;
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

/**
 * Step 1 of every desk operation: the 15-digit code the citizen got on the portal (typed or pasted;
 * spaces are ignored and the code is checked before it is sent), or the operator's identity check: TCKN
 * (check digits) and the ID document number the operator looked at. The code field has the focus, so a
 * code typed and Enter is all it takes.
 */
public class IdentityPage extends WizardPage {

    private final DeskMessages desk;
    private final String operation;
    private Button byCode;
    private Text code;
    private Text tckn;
    private Text document;

    /** @param operation what the session is opened for, e.g. PIN_UNBLOCK or E_ONAY */
    IdentityPage(DeskMessages desk, String operation) {
        super("identity");
        this.desk = desk;
        this.operation = operation;
        setTitle(desk.identity_title);
        setDescription(desk.identity_intro);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        byCode = WidgetRoles.tag(new Button(page, SWT.RADIO), "wizard.byCode");
        byCode.setText(desk.identity_byCode);
        byCode.setSelection(true);
        byCode.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(page, SWT.NONE).setText(desk.identity_code);
        code = text(page, "wizard.code");
        new Label(page, SWT.NONE);
        Label hint = WidgetRoles.tag(new Label(page, SWT.WRAP), "wizard.code.hint");
        hint.setText(desk.identity_codeHint);
        GridData hintLayout = new GridData(SWT.FILL, SWT.CENTER, true, false);
        hintLayout.widthHint = 420;
        hint.setLayoutData(hintLayout);
        Button assisted = WidgetRoles.tag(new Button(page, SWT.RADIO), "wizard.assisted");
        assisted.setText(desk.identity_assisted);
        assisted.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(page, SWT.NONE).setText(desk.identity_tckn);
        tckn = text(page, "wizard.tckn");
        new Label(page, SWT.NONE).setText(desk.identity_document);
        document = text(page, "wizard.document");
        byCode.addListener(SWT.Selection, event -> validate());
        assisted.addListener(SWT.Selection, event -> validate());
        for (Text field : new Text[] { code, tckn, document }) {
            WizardKeys.enterGoesOn(this, field);
        }
        setControl(page);
        validate();
    }

    private Text text(Composite page, String role) {
        Text text = WidgetRoles.tag(new Text(page, SWT.BORDER), role);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.addListener(SWT.Modify, event -> validate());
        return text;
    }

    @Override
    public void setVisible(boolean visible) {
        super.setVisible(visible);
        if (visible) {
            (byCode.getSelection() ? code : tckn).setFocus();
        }
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
                problem = desk.identity_codeDigitsOnly;
            } else if (digits().length() != 15) {
                problem = digits().isEmpty() ? null : desk.identity_codeLength;
            }
            setPageComplete(problem == null && digits().length() == 15);
        } else {
            String number = tckn.getText().strip();
            if (!number.isEmpty() && !Tckn.isValid(number)) {
                problem = desk.identity_tcknInvalid;
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

    /** The first page: after a session expired there is nothing to go back to. */
    @Override
    public IWizardPage getPreviousPage() {
        return null;
    }

    OpenSessionRequest request() {
        return byCode.getSelection() ? new OpenSessionRequest(operation, digits(), null, null)
                : new OpenSessionRequest(operation, null, tckn.getText().strip(), document.getText().strip());
    }
}
