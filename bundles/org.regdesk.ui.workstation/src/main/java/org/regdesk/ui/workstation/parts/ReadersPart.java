package org.regdesk.ui.workstation.parts;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.regdesk.card.api.CardService;
import org.regdesk.card.api.CardView;
import org.regdesk.card.api.PinStatus;
import org.regdesk.ui.workstation.l10n.Messages;
import org.regdesk.ui.workstation.widgets.TableColumns;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * "Readers & cards": every reader at this desk with its card, the card's PIN state and certificate,
 * live as cards are inserted and pulled. Without readers it says what to do.
 */
public class ReadersPart {

    /** Widget data keys, so UI tests find widgets by role rather than by text. */
    public static final String ROLE = "org.regdesk.role";


    @Inject
    @Optional
    private CardService cardService;

    private Label title;
    private Label emptyMessage;
    private Label emptyHint;
    private TableViewer viewer;
    private final TableViewerColumn[] columns = new TableViewerColumn[5];
    private Messages messages;
    private List<CardView> shown = List.of();

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.swtDefaults().margins(16, 16).spacing(8, 12).applyTo(parent);
        title = new Label(parent, SWT.NONE);
        title.setFont(JFaceResources.getHeaderFont());
        title.setData(ROLE, "readers.title");
        emptyMessage = new Label(parent, SWT.NONE);
        emptyMessage.setFont(JFaceResources.getBannerFont());
        emptyMessage.setData(ROLE, "readers.empty");
        GridDataFactory.fillDefaults().applyTo(emptyMessage);
        emptyHint = new Label(parent, SWT.WRAP);
        emptyHint.setData(ROLE, "readers.emptyHint");
        GridDataFactory.fillDefaults().grab(true, false).hint(480, SWT.DEFAULT).applyTo(emptyHint);

        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setData(ROLE, "readers.table");
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        columns[0] = TableColumns.add(viewer, CardView.class, 200, view -> view.reader().name());
        columns[1] = TableColumns.add(viewer, CardView.class, 150, this::cardText);
        columns[2] = TableColumns.add(viewer, CardView.class, 220, view -> view.card().flatMap(card -> card.holderName()
                .map(name -> name + card.nationalId().map(id -> " (" + id + ")").orElse(""))).orElse(""));
        columns[3] = TableColumns.add(viewer, CardView.class, 280, view -> view.pinStatus().map(status -> pinText(status, messages)).orElse(""));
        columns[4] = TableColumns.add(viewer, CardView.class, 200, view -> view.certificateNotAfter()
                .map(until -> Messages.format(messages.readers_expires, Messages.date(until))).orElse(""));
        if (cardService != null) {
            shown = cardService.readers();
        }
        translate(messages);
    }


    private String cardText(CardView view) {
        if (!view.cardPresent()) {
            return messages.readers_noCard;
        }
        return view.card().map(card -> card.serialNumber())
                .orElseGet(() -> Messages.format(messages.readers_unreadable, view.problem().orElse("?")));
    }

    /** The operator text for a PIN state; the wizard's card choice shows the same. */
    public static String pinText(PinStatus status, Messages messages) {
        return switch (status.state()) {
        case READY -> Messages.format(messages.pin_ready, status.triesLeft().isPresent() ? status.triesLeft().getAsInt() : "?");
        case FINAL_TRY -> messages.pin_finalTry;
        case BLOCKED -> messages.pin_blocked;
        case NOT_SET -> messages.pin_notSet;
        };
    }

    @Inject
    @Optional
    public void cardsChanged(@UIEventTopic(CardService.TOPIC_CHANGED) List<CardView> views) {
        shown = views;
        refresh();
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
        String[] headers = { translated.readers_columnReader, translated.readers_columnCard,
                translated.readers_columnHolder, translated.readers_columnPin, translated.readers_columnCertificate };
        for (int i = 0; i < columns.length; i++) {
            columns[i].getColumn().setText(headers[i]);
        }
        refresh();
    }

    private void refresh() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        viewer.setInput(shown);
        boolean empty = shown.isEmpty();
        for (Label label : new Label[] { emptyMessage, emptyHint }) {
            label.setVisible(empty);
            ((GridData) label.getLayoutData()).exclude = !empty;
        }
        viewer.getControl().setVisible(!empty);
        ((GridData) viewer.getControl().getLayoutData()).exclude = empty;
        title.getParent().layout(true, true);
    }

    @Focus
    public void setFocus() {
        title.getParent().setFocus();
    }
}
