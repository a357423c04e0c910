package org.regdesk.ui.workstation.wizards;

import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.regdesk.ui.workstation.l10n.Messages;
import org.regdesk.ui.workstation.parts.ReadersPart;

/** The last step of a desk wizard: what was done, and the registry knows; Finish closes the wizard. */
class ResultPage extends WizardPage {

    private final Messages messages;
    private Label result;

    ResultPage(Messages messages) {
        super("result");
        this.messages = messages;
        setTitle(messages.wizard_doneTitle);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        result = new Label(page, SWT.WRAP);
        result.setData(ReadersPart.ROLE, "wizard.result");
        result.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        setControl(page);
    }

    void show(String text) {
        result.setText(text);
        result.getParent().layout(true);
    }

    @Override
    public IWizardPage getPreviousPage() {
        return null;
    }
}
