package org.regdesk.ui.workstation.parts;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

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
import org.regdesk.ui.desk.DeskFormats;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.TableColumns;
import org.regdesk.ui.desk.WidgetRoles;
import org.regdesk.ui.workstation.l10n.Messages;

/**
 * "Readers & cards": every reader at this desk with its card, the card's PIN state and certificate,
 * live as cards are inserted and pulled. Without readers it says what to do.
 */
public class ReadersPart {

    @Inject
    @Optional
    private CardService cardService;

    private Label title;
    private Label emptyMessage;
    private Label emptyHint;
    private TableViewer viewer;
    private final TableViewerColumn[] columns = new TableViewerColumn[5];
    private Messages messages;
    private DeskMessages desk;
    private List<CardView> shown = List.of();

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.swtDefaults().margins(16, 16).spacing(8, 12).applyTo(parent);
        title = new Label(parent, SWT.NONE);
        title.setFont(JFaceResources.getHeaderFont());
        title.setData(WidgetRoles.KEY, "readers.title");
        emptyMessage = new Label(parent, SWT.NONE);
        emptyMessage.setFont(JFaceResources.getBannerFont());
        emptyMessage.setData(WidgetRoles.KEY, "readers.empty");
        GridDataFactory.fillDefaults().applyTo(emptyMessage);
        emptyHint = new Label(parent, SWT.WRAP);
        emptyHint.setData(WidgetRoles.KEY, "readers.emptyHint");
        GridDataFactory.fillDefaults().grab(true, false).hint(480, SWT.DEFAULT).applyTo(emptyHint);

        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setData(WidgetRoles.KEY, "readers.table");
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        columns[0] = TableColumns.add(viewer, CardView.class, 200, view -> view.reader().name());
        columns[1] = TableColumns.add(viewer, CardView.class, 150, this::cardText);
        columns[2] = TableColumns.add(viewer, CardView.class, 220, view -> view.card().flatMap(card -> card.holderName()
                .map(name -> name + card.nationalId().map(id -> " (" + id + ")").orElse(""))).orElse(""));
        columns[3] = TableColumns.add(viewer, CardView.class, 230, view -> view.pinStatus().map(desk::pin).orElse(""));
        columns[4] = TableColumns.add(viewer, CardView.class, 250, view -> view.certificateNotAfter()
                .map(until -> DeskFormats.format(messages.readers_expires, DeskFormats.date(until))).orElse(""));
        if (cardService != null) {
            shown = cardService.readers();
        }
        translate(messages, desk);
    }


    private String cardText(CardView view) {
        if (!view.cardPresent()) {
            return desk.card_none;
        }
        return view.card().map(card -> card.serialNumber())
                .orElseGet(() -> messages.readers_unreadable);
    }

    @Inject
    @Optional
    public void cardsChanged(@UIEventTopic(CardService.TOPIC_CHANGED) List<CardView> views) {
        shown = views;
        refresh();
    }

    @Inject
    public void translate(@Translation Messages translated, @Translation DeskMessages deskTranslated) {
        this.messages = translated;
        this.desk = deskTranslated;
        if (title == null || title.isDisposed()) {
            return; // e4 injects before @PostConstruct; createControls applies the text
        }
        title.setText(translated.readers_title);
        emptyMessage.setText(translated.readers_empty);
        emptyHint.setText(translated.readers_emptyHint);
        String[] headers = { deskTranslated.card_columnReader, deskTranslated.card_columnSerial,
                translated.readers_columnHolder, deskTranslated.card_columnPin, deskTranslated.card_columnCertificate };
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
