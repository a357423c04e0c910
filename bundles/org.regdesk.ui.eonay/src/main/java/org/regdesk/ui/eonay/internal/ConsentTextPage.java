package org.regdesk.ui.eonay.internal;

import java.time.Instant;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.regdesk.backend.api.v1.ConsentText;
import org.regdesk.ui.desk.DeskFormats;
import org.regdesk.ui.desk.WidgetRoles;

/**
 * E-Onay step 3: the text the citizen signs, exactly as the registry served it, with its version and
 * SHA-256; the moment it is shown is the read time sent with the signature.
 */
class ConsentTextPage extends WizardPage {

    private final Messages messages;
    private Text text;
    private Label meta;
    private Button read;
    private ConsentText shown;
    private Instant readAt;

    ConsentTextPage(Messages messages) {
        super("text");
        this.messages = messages;
        setTitle(messages.eonay_textTitle);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        text = new Text(page, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL);
        text.setData(WidgetRoles.KEY, "eonay.text");
        GridData area = new GridData(SWT.FILL, SWT.FILL, true, true);
        area.heightHint = 120;
        text.setLayoutData(area);
        meta = new Label(page, SWT.WRAP);
        meta.setData(WidgetRoles.KEY, "eonay.text.meta");
        meta.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        read = new Button(page, SWT.CHECK);
        read.setText(messages.eonay_textRead);
        read.setData(WidgetRoles.KEY, "eonay.text.read");
        read.addListener(SWT.Selection, event -> setPageComplete(read.getSelection()));
        setControl(page);
    }

    void show(ConsentText consent) {
        shown = consent;
        readAt = Instant.now();
        setTitle("WITHDRAWAL".equals(consent.kind()) ? messages.eonay_textWithdrawalTitle : messages.eonay_textTitle);
        text.setText(consent.text());
        meta.setText(DeskFormats.format(messages.eonay_textMeta, consent.version(), consent.sha256(),
                DeskFormats.dateTime(readAt)));
        read.setSelection(false);
        setPageComplete(false);
        meta.getParent().layout(true);
    }

    ConsentText shown() {
        return shown;
    }

    Instant readAt() {
        return readAt;
    }
}
