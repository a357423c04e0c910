package org.regdesk.ui.desk;

import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The last step of a desk wizard: a success sign, what was done, and that the registry knows; Finish
 * (the default button, so Enter) closes the wizard, there is no way back.
 */
public class ResultPage extends WizardPage {

    private Label result;

    public ResultPage(DeskMessages desk) {
        super("result");
        setTitle(desk.result_title);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        Label icon = WidgetRoles.tag(new Label(page, SWT.NONE), "wizard.result.icon");
        icon.setImage(parent.getDisplay().getSystemImage(SWT.ICON_INFORMATION));
        icon.setLayoutData(new GridData(SWT.BEGINNING, SWT.BEGINNING, false, false));
        result = WidgetRoles.tag(new Label(page, SWT.WRAP), "wizard.result");
        GridData text = new GridData(SWT.FILL, SWT.CENTER, true, false);
        text.widthHint = 460;
        result.setLayoutData(text);
        setControl(page);
    }

    public void show(String text) {
        result.setText(text);
        result.getParent().layout(true);
    }

    @Override
    public IWizardPage getPreviousPage() {
        return null;
    }
}
