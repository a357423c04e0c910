package org.regdesk.ui.applications.internal;

import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
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
import org.regdesk.backend.api.applications.ApplicationsConnector;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.CertificateApplication;
import org.regdesk.backend.api.v1.CertificateApplicationRequest;
import org.regdesk.ui.desk.CitizenAtDesk;
import org.regdesk.ui.desk.DeskFormats;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.OffTheUiThread;
import org.regdesk.ui.desk.WidgetRoles;

/**
 * The E-Onay-backed certificate applications: a new one for the citizen whose E-Onay session this desk just
 * completed ({@link CitizenAtDesk}; NEW, or a RENEWAL that waits until two months before the current certificate
 * expires) and the production queue, the soonest ready first. No TCKN is typed: without such a session there is
 * nobody to apply for. The registry is asked off the UI thread, behind a progress dialog with Cancel.
 */
public class ApplicationsDialog extends TitleAreaDialog {

    private final Messages messages;
    private final DeskMessages desk;
    private final ApplicationsConnector registry;
    private java.util.Optional<CitizenAtDesk.Served> citizen = java.util.Optional.empty();
    private Combo kind;
    private Table queue;

    /** The desk operation whose completed session an application rests on. */
    private static final String E_ONAY = "E_ONAY";

    public ApplicationsDialog(Shell parent, Messages messages, DeskMessages desk, ApplicationsConnector registry) {
        super(parent);
        this.messages = messages;
        this.desk = desk;
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
        citizen = CitizenAtDesk.current(E_ONAY, java.time.Clock.systemUTC());
        Label served = new Label(form, SWT.WRAP);
        served.setData(WidgetRoles.KEY, "applications.citizen");
        served.setText(citizen.map(who -> DeskFormats.format(messages.applications_for, who.citizenName(), who.maskedTckn()))
                .orElse(messages.applications_no_session));
        served.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        kind = new Combo(form, SWT.READ_ONLY);
        kind.setData(WidgetRoles.KEY, "applications.kind");
        kind.setItems(messages.applications_new, messages.applications_renewal);
        kind.select(0);
        Button apply = new Button(form, SWT.PUSH);
        apply.setText(messages.applications_apply);
        apply.setData(WidgetRoles.KEY, "applications.apply");
        apply.addListener(SWT.Selection, event -> apply());
        apply.setEnabled(citizen.isPresent());
        kind.setEnabled(citizen.isPresent());
        Button refresh = new Button(form, SWT.PUSH);
        refresh.setText(messages.applications_refresh);
        refresh.setData(WidgetRoles.KEY, "applications.refresh");
        refresh.addListener(SWT.Selection, event -> refresh());
        queue = new Table(form, SWT.BORDER | SWT.FULL_SELECTION);
        queue.setData(WidgetRoles.KEY, "applications.queue");
        queue.setHeaderVisible(true);
        GridData tableLayout = new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1);
        tableLayout.heightHint = 220;
        queue.setLayoutData(tableLayout);
        String[] headers = { messages.applications_tckn, messages.applications_citizen, messages.applications_kind,
                messages.applications_state, messages.applications_readyAt, messages.applications_certificateUntil };
        for (String header : headers) {
            TableColumn column = new TableColumn(queue, SWT.LEFT);
            column.setText(header);
            column.setWidth(115);
        }
        // the dialog shows first; the queue follows from the registry
        parent.getDisplay().asyncExec(this::refresh);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, messages.applications_close, true);
    }

    private void apply() {
        if (citizen.isEmpty()) {
            return;
        }
        CertificateApplicationRequest request = new CertificateApplicationRequest(citizen.get().sessionId(),
                kind.getSelectionIndex() == 0 ? "NEW" : "RENEWAL");
        try {
            CertificateApplication queued = ask(() -> registry.applyForCertificate(request));
            setErrorMessage(null);
            setMessage(DeskFormats.format(messages.applications_queued, queued.citizenName(), state(queued.state()),
                    DeskFormats.date(queued.readyAt())));
            refresh();
        } catch (RegistryException refused) {
            setErrorMessage(desk.refusal(refused, getClass()));
        } catch (InterruptedException cancelled) {
            // nothing is shown as queued; the queue tells after "Listeyi Güncelle"
        }
    }

    private void refresh() {
        if (queue.isDisposed()) {
            return;
        }
        try {
            List<CertificateApplication> applications = ask(registry::certificateApplications);
            queue.removeAll();
            for (CertificateApplication application : applications) {
                TableItem item = new TableItem(queue, SWT.NONE);
                item.setText(new String[] { application.tckn(), application.citizenName(),
                        "NEW".equals(application.kind()) ? messages.applications_new : messages.applications_renewal,
                        state(application.state()), DeskFormats.date(application.readyAt()), DeskFormats.date(application.currentCertificateNotAfter()) });
            }
        } catch (RegistryException refused) {
            setErrorMessage(desk.refusal(refused, getClass()));
        } catch (InterruptedException cancelled) {
            // the old list stays
        }
    }

    private <T> T ask(Backend<T> call) throws RegistryException, InterruptedException {
        return OffTheUiThread.run(new ProgressMonitorDialog(getShell()), messages.applications_loading, true,
                RegistryException.class, monitor -> call.ask());
    }

    @FunctionalInterface
    private interface Backend<T> {
        T ask() throws RegistryException;
    }

    private String state(String state) {
        return "READY".equals(state) ? messages.applications_ready : messages.applications_waiting;
    }
}
