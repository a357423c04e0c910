package org.regdesk.ui.workstation.dialogs;


import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.regdesk.backend.api.RegistryConnector;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.CertificateApplication;
import org.regdesk.backend.api.v1.CertificateApplicationRequest;
import org.regdesk.ui.workstation.l10n.Messages;
import org.regdesk.ui.workstation.parts.ReadersPart;

/**
 * The E-Onay-backed certificate applications: a new one for a citizen (NEW, or a RENEWAL that waits until
 * two months before the current certificate expires) and the production queue, the soonest ready first.
 */
public class ApplicationsDialog extends TitleAreaDialog {

    private final Messages messages;
    private final RegistryConnector registry;
    private Text tckn;
    private Combo kind;
    private Table queue;

    public ApplicationsDialog(Shell parent, Messages messages, RegistryConnector registry) {
        super(parent);
        this.messages = messages;
        this.registry = registry;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(messages.applications_title);
        setMessage(messages.applications_intro);
        getShell().setText(messages.applications_title);
        Composite form = new Composite(area, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form.setLayout(new GridLayout(5, false));
        new Label(form, SWT.NONE).setText(messages.wizard_tckn);
        tckn = new Text(form, SWT.BORDER);
        tckn.setData(ReadersPart.ROLE, "applications.tckn");
        tckn.setLayoutData(new GridData(120, SWT.DEFAULT));
        kind = new Combo(form, SWT.READ_ONLY);
        kind.setData(ReadersPart.ROLE, "applications.kind");
        kind.setItems(messages.applications_new, messages.applications_renewal);
        kind.select(0);
        Button apply = new Button(form, SWT.PUSH);
        apply.setText(messages.applications_apply);
        apply.setData(ReadersPart.ROLE, "applications.apply");
        apply.addListener(SWT.Selection, event -> apply());
        Button refresh = new Button(form, SWT.PUSH);
        refresh.setText(messages.applications_refresh);
        refresh.setData(ReadersPart.ROLE, "applications.refresh");
        refresh.addListener(SWT.Selection, event -> refresh());
        queue = new Table(form, SWT.BORDER | SWT.FULL_SELECTION);
        queue.setData(ReadersPart.ROLE, "applications.queue");
        queue.setHeaderVisible(true);
        GridData tableLayout = new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1);
        tableLayout.heightHint = 220;
        queue.setLayoutData(tableLayout);
        String[] headers = { messages.wizard_tckn, messages.applications_citizen, messages.applications_kind,
                messages.applications_state, messages.applications_readyAt, messages.applications_certificateUntil };
        for (String header : headers) {
            TableColumn column = new TableColumn(queue, SWT.LEFT);
            column.setText(header);
            column.setWidth(115);
        }
        refresh();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, messages.applications_close, true);
    }

    private void apply() {
        try {
            CertificateApplication queued = registry.applyForCertificate(
                    new CertificateApplicationRequest(tckn.getText().strip(), kind.getSelectionIndex() == 0 ? "NEW" : "RENEWAL"));
            setErrorMessage(null);
            setMessage(Messages.format(messages.applications_queued, queued.citizenName(), state(queued.state()),
                    Messages.date(queued.readyAt())));
            refresh();
        } catch (RegistryException refused) {
            setErrorMessage(messages.refusal(refused));
        }
    }

    private void refresh() {
        try {
            queue.removeAll();
            for (CertificateApplication application : registry.certificateApplications()) {
                TableItem item = new TableItem(queue, SWT.NONE);
                item.setText(new String[] { application.tckn(), application.citizenName(),
                        "NEW".equals(application.kind()) ? messages.applications_new : messages.applications_renewal,
                        state(application.state()), Messages.date(application.readyAt()), Messages.date(application.currentCertificateNotAfter()) });
            }
        } catch (RegistryException refused) {
            setErrorMessage(messages.refusal(refused));
        }
    }

    private String state(String state) {
        return "READY".equals(state) ? messages.applications_ready : messages.applications_waiting;
    }
}
