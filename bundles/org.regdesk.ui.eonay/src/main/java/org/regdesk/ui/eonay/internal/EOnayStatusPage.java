package org.regdesk.ui.eonay.internal;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.EOnayStatus;
import org.regdesk.ui.desk.DeskFormats;
import org.regdesk.ui.desk.WidgetRoles;

/**
 * E-Onay step 2: the citizen's status first. Without E-Onay (or after a withdrawal) the consent follows;
 * with E-Onay given, the only thing left to do is withdrawing it, which the operator has to choose.
 */
class EOnayStatusPage extends WizardPage {

    private final Messages messages;
    private Label status;
    private Button withdraw;
    private EOnayStatus current;

    EOnayStatusPage(Messages messages) {
        super("status");
        this.messages = messages;
        setTitle(messages.eonay_statusTitle);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        status = new Label(page, SWT.WRAP);
        status.setData(WidgetRoles.KEY, "eonay.status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        withdraw = new Button(page, SWT.CHECK);
        withdraw.setText(messages.eonay_withdraw);
        withdraw.setData(WidgetRoles.KEY, "eonay.withdraw");
        withdraw.addListener(SWT.Selection, event -> setPageComplete(withdraw.getSelection()));
        setControl(page);
    }

    void show(DeskSession session, EOnayStatus status) {
        current = status;
        String since = DeskFormats.dateTime(status.since());
        this.status.setText(switch (status.state()) {
        case "GIVEN" -> DeskFormats.format(messages.eonay_statusGiven, session.citizenName(), since, status.textVersion());
        case "WITHDRAWN" -> DeskFormats.format(messages.eonay_statusWithdrawn, session.citizenName(), since);
        default -> DeskFormats.format(messages.eonay_statusNone, session.citizenName());
        });
        boolean given = "GIVEN".equals(status.state());
        withdraw.setVisible(given);
        withdraw.setSelection(false);
        setMessage(given ? messages.eonay_givenStop : null, INFORMATION);
        setPageComplete(!given);
        this.status.getParent().layout(true);
    }

    /** CONSENT, or WITHDRAWAL when E-Onay was given and the operator chose to withdraw it. */
    String kindToSign() {
        return current != null && "GIVEN".equals(current.state()) ? "WITHDRAWAL" : "CONSENT";
    }
}
