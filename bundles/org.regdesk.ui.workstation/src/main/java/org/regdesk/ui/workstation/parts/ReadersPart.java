package org.regdesk.ui.workstation.parts;

import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.regdesk.ui.workstation.l10n.Messages;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * "Readers & cards": the readers attached to this desk and the cards in them. Until a card layer
 * is installed it shows an empty state that tells the operator what to do.
 */
public class ReadersPart {

    /** Widget data keys, so UI tests find widgets by role rather than by text. */
    public static final String ROLE = "org.regdesk.role";

    private Label title;
    private Label emptyMessage;
    private Label emptyHint;
    private Messages messages;

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.swtDefaults().margins(16, 16).spacing(8, 12).applyTo(parent);
        title = new Label(parent, SWT.NONE);
        title.setFont(JFaceResources.getHeaderFont());
        title.setData(ROLE, "readers.title");
        emptyMessage = new Label(parent, SWT.NONE);
        emptyMessage.setFont(JFaceResources.getBannerFont());
        emptyMessage.setData(ROLE, "readers.empty");
        emptyHint = new Label(parent, SWT.WRAP);
        emptyHint.setData(ROLE, "readers.emptyHint");
        GridDataFactory.fillDefaults().grab(true, false).hint(480, SWT.DEFAULT).applyTo(emptyHint);
        translate(messages);
    }

    @Inject
    public void translate(@Translation Messages translated) {
        this.messages = translated;
        if (title == null || title.isDisposed()) {
            return; // e4 injects before @PostConstruct; createControls applies the text
        }
        title.setText(translated.readers_title);
        emptyMessage.setText(translated.readers_empty);
        emptyHint.setText(translated.readers_emptyHint);
        title.getParent().layout(true, true);
    }

    @Focus
    public void setFocus() {
        title.getParent().setFocus();
    }
}
