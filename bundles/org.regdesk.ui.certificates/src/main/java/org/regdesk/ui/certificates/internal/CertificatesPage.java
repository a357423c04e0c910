package org.regdesk.ui.certificates.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.wizard.IWizardContainer2;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.certificates.CitizenCertificate;
import org.regdesk.backend.certificates.CitizenCertificates;
import org.regdesk.ui.desk.DeskFormats;
import org.regdesk.ui.desk.TableColumns;
import org.regdesk.ui.desk.WidgetRoles;

/**
 * The citizen's certificates (card, serial, key type, validity, status) and what the desk may do with the
 * selected one: suspend a valid one, resume a suspended one, revoke either. Revocation is confirmed
 * twice on the page: a reason and the citizen's understanding that it is final, then one last yes with
 * the serial spelled out. Each change is read back from the registry.
 */
class CertificatesPage extends WizardPage {

    /** The RFC 5280 reasons a desk may give, in the order the operator reads them. */
    private static final List<String> REASONS = List.of("CESSATION_OF_OPERATION", "KEY_COMPROMISE", "SUPERSEDED",
            "AFFILIATION_CHANGED");

    private final CertificatesWizard wizard;
    private final Messages messages;
    private Label intro;
    private TableViewer table;
    private Button suspend;
    private Button resume;
    private Button revoke;
    private Label result;
    private Group revokePanel;
    private Combo reason;
    private Button understood;
    private Button confirm;
    private Composite finalStep;
    private Label finalQuestion;

    CertificatesPage(CertificatesWizard wizard) {
        super("certificates");
        this.wizard = wizard;
        this.messages = wizard.messages();
        setTitle(messages.certificates_listTitle);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        setControl(page);
        intro = WidgetRoles.tag(new Label(page, SWT.WRAP), "certificates.intro");
        intro.setLayoutData(wide(560));
        table = new TableViewer(page, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        WidgetRoles.tag(table.getTable(), "certificates.table");
        table.getTable().setHeaderVisible(true);
        GridData tableLayout = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableLayout.heightHint = table.getTable().getItemHeight() * 4 + table.getTable().getHeaderHeight();
        table.getTable().setLayoutData(tableLayout);
        table.setContentProvider(ArrayContentProvider.getInstance());
        TableColumns.add(table, CitizenCertificate.class, 120, c -> Optional.ofNullable(c.cardSerial()).orElse(""))
                .getColumn().setText(messages.certificates_columnCard);
        TableColumns.add(table, CitizenCertificate.class, 190, CitizenCertificate::serial).getColumn()
                .setText(messages.certificates_columnSerial);
        TableColumns.add(table, CitizenCertificate.class, 80, CitizenCertificate::keyType).getColumn()
                .setText(messages.certificates_columnKeyType);
        TableColumns.add(table, CitizenCertificate.class, 170,
                c -> DeskFormats.date(c.notBefore()) + " – " + DeskFormats.date(c.notAfter())).getColumn()
                .setText(messages.certificates_columnValidity);
        TableColumns.add(table, CitizenCertificate.class, 260,
                c -> messages.status(c.status(), c.reason(), DeskFormats.dateTime(c.statusSince()))).getColumn()
                .setText(messages.certificates_columnStatus);
        table.addSelectionChangedListener(event -> selectionChanged());

        Composite actions = new Composite(page, SWT.NONE);
        actions.setLayout(new GridLayout(3, false));
        suspend = button(actions, messages.certificates_suspend, "certificates.suspend");
        suspend.addListener(SWT.Selection, event -> suspend());
        resume = button(actions, messages.certificates_resume, "certificates.resume");
        resume.addListener(SWT.Selection, event -> resume());
        revoke = button(actions, messages.certificates_revoke, "certificates.revoke");
        revoke.addListener(SWT.Selection, event -> openRevocation());
        result = WidgetRoles.tag(new Label(page, SWT.WRAP), "certificates.result");
        result.setLayoutData(wide(560));
        createRevokePanel(page);
        selectionChanged();
    }

    private void createRevokePanel(Composite page) {
        revokePanel = WidgetRoles.tag(new Group(page, SWT.NONE), "certificates.revokePanel");
        revokePanel.setLayout(new GridLayout(2, false));
        revokePanel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(revokePanel, SWT.NONE).setText(messages.certificates_revokeReason);
        reason = WidgetRoles.tag(new Combo(revokePanel, SWT.READ_ONLY), "certificates.reason");
        reason.add(messages.certificates_revokeChoose);
        REASONS.forEach(code -> reason.add(messages.reason(code)));
        reason.addListener(SWT.Selection, event -> revocationReady());
        Label consequences = WidgetRoles.tag(new Label(revokePanel, SWT.WRAP), "certificates.consequences");
        consequences.setText(messages.certificates_revokeConsequences);
        GridData consequencesLayout = wide(540);
        consequencesLayout.horizontalSpan = 2;
        consequences.setLayoutData(consequencesLayout);
        understood = WidgetRoles.tag(new Button(revokePanel, SWT.CHECK), "certificates.understood");
        understood.setText(messages.certificates_revokeUnderstood);
        understood.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        understood.addListener(SWT.Selection, event -> revocationReady());
        confirm = button(revokePanel, messages.certificates_revokeConfirm, "certificates.revokeConfirm");
        confirm.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false, 2, 1));
        confirm.addListener(SWT.Selection, event -> showFinalStep(true));

        finalStep = new Composite(revokePanel, SWT.NONE);
        finalStep.setLayout(new GridLayout(2, false));
        finalStep.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        finalQuestion = WidgetRoles.tag(new Label(finalStep, SWT.WRAP), "certificates.revokeFinal");
        GridData questionLayout = wide(540);
        questionLayout.horizontalSpan = 2;
        finalQuestion.setLayoutData(questionLayout);
        Button yes = button(finalStep, messages.certificates_revokeYes, "certificates.revokeYes");
        yes.addListener(SWT.Selection, event -> revoke());
        Button back = button(finalStep, messages.certificates_revokeBack, "certificates.revokeBack");
        back.addListener(SWT.Selection, event -> closeRevocation());
        closeRevocation();
    }

    void show(DeskSession session, CitizenCertificates certificates) {
        String selected = selected().map(CitizenCertificate::serial).orElse(null);
        intro.setText(certificates.certificates().isEmpty() ? messages.certificates_none
                : DeskFormats.format(messages.certificates_intro, session.citizenName(), certificates.ca()));
        table.setInput(certificates.certificates());
        certificates.certificates().stream().filter(c -> c.serial().equals(selected)).findFirst()
                .ifPresent(c -> table.setSelection(new StructuredSelection(c)));
        selectionChanged();
        setErrorMessage(null);
        setPageComplete(true);
        intro.getParent().layout(true, true);
    }

    private Optional<CitizenCertificate> selected() {
        if (table == null) {
            return Optional.empty();
        }
        Object first = ((IStructuredSelection) table.getSelection()).getFirstElement();
        return Optional.ofNullable((CitizenCertificate) first);
    }

    private void selectionChanged() {
        String status = selected().map(CitizenCertificate::status).orElse("");
        suspend.setEnabled("VALID".equals(status));
        resume.setEnabled("ON_HOLD".equals(status));
        revoke.setEnabled("VALID".equals(status) || "ON_HOLD".equals(status));
        closeRevocation();
    }

    private void suspend() {
        change(messages.certificates_suspending, serial -> DeskFormats.format(messages.certificates_suspended, serial),
                (calls, serial) -> calls.suspend(wizard.sessionId(), serial));
    }

    private void resume() {
        change(messages.certificates_resuming, serial -> DeskFormats.format(messages.certificates_resumed, serial),
                (calls, serial) -> calls.resume(wizard.sessionId(), serial));
    }

    private void revoke() {
        String code = REASONS.get(reason.getSelectionIndex() - 1);
        change(messages.certificates_revoking,
                serial -> DeskFormats.format(messages.certificates_revoked, serial, messages.reason(code)),
                (calls, serial) -> calls.revoke(wizard.sessionId(), serial, code));
    }

    private interface Change {
        CitizenCertificate on(CertificateCalls calls, String serial) throws RegistryException;
    }

    private void change(String task, Function<String, String> done, Change change) {
        Optional<CitizenCertificate> chosen = selected();
        if (chosen.isEmpty()) {
            return;
        }
        String serial = chosen.get().serial();
        try {
            wizard.call(task, calls -> change.on(calls, serial));
            result.setText(done.apply(serial));
            wizard.refresh();
        } catch (RegistryException refused) {
            result.setText("");
            wizard.refusedOnList(refused);
        } catch (InterruptedException cancelled) {
            // the operator stopped waiting; the list is read again so it shows what the CA holds now
            wizard.refresh();
        }
        closeRevocation();
        result.getParent().layout(true, true);
    }

    private void openRevocation() {
        selected().ifPresent(certificate -> {
            revokePanel.setText(DeskFormats.format(messages.certificates_revokeTitle, certificate.serial()));
            result.setText("");
            reason.select(0);
            understood.setSelection(false);
            show(revokePanel, true);
            showFinalStep(false);
            revocationReady();
        });
    }

    private void revocationReady() {
        confirm.setEnabled(reason.getSelectionIndex() > 0 && understood.getSelection());
        showFinalStep(false);
    }

    private void showFinalStep(boolean visible) {
        if (visible) {
            finalQuestion.setText(DeskFormats.format(messages.certificates_revokeFinal, selected().map(CitizenCertificate::serial)
                    .orElse("")));
        }
        show(finalStep, visible);
        show(confirm, !visible);
    }

    private void closeRevocation() {
        if (revokePanel != null) {
            show(revokePanel, false);
        }
    }

    private void show(Control control, boolean visible) {
        control.setVisible(visible);
        ((GridData) control.getLayoutData()).exclude = !visible;
        // from the page down: the revocation group itself must grow or shrink, not only its children
        ((Composite) getControl()).layout(true, true);
        if (visible && getContainer() instanceof IWizardContainer2 resizable) {
            resizable.updateSize(); // the dialog grows to show the whole revocation step
        }
    }

    /** The list is where the session's work happens: there is no going back to the SMS code. */
    @Override
    public IWizardPage getPreviousPage() {
        return null;
    }

    private static Button button(Composite parent, String text, String role) {
        Button button = WidgetRoles.tag(new Button(parent, SWT.PUSH), role);
        button.setText(text);
        return button;
    }

    private static GridData wide(int widthHint) {
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = widthHint;
        return data;
    }
}
