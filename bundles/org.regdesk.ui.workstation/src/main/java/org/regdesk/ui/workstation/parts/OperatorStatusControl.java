package org.regdesk.ui.workstation.parts;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.ui.desk.DeskFormats;
import org.regdesk.ui.desk.WidgetRoles;
import org.regdesk.ui.workstation.l10n.Messages;

/** Status-bar entry: who is signed in at this desk, or that nobody is. */
public class OperatorStatusControl {

    private Label label;
    private Messages messages;
    private OperatorSignedIn operator;

    @PostConstruct
    public void createControls(Composite parent) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginHeight = 0;
        layout.marginWidth = 4;
        layout.horizontalSpacing = 12;
        box.setLayout(layout);
        label = new Label(box, SWT.NONE);
        label.setData(WidgetRoles.KEY, "status.operator");
        GridData separator = new GridData(SWT.CENTER, SWT.FILL, false, true);
        separator.heightHint = 14;
        new Label(box, SWT.SEPARATOR | SWT.VERTICAL).setLayoutData(separator);
        render();
    }

    @Inject
    public void operatorChanged(@Optional OperatorSignedIn signedIn) {
        operator = signedIn;
        render();
    }

    @Inject
    public void translate(@Translation Messages translated) {
        messages = translated;
        render();
    }

    private void render() {
        if (label == null || label.isDisposed() || messages == null) {
            return;
        }
        label.setText(operator == null ? messages.operator_none
                : DeskFormats.format(messages.operator_signedIn, operator.displayName(), messages.role(operator.role()), operator.desk()));
        label.getParent().layout(true);
        label.getShell().layout(new Control[] { label.getParent() }, SWT.DEFER);
    }
}
