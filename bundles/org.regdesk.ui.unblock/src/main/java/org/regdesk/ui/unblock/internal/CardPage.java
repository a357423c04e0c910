package org.regdesk.ui.unblock.internal;

import java.util.List;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.ui.desk.DeskFormats;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.WidgetRoles;
import org.regdesk.ui.desk.WizardKeys;
import org.regdesk.unblock.CardChoices;

/**
 * Step 2: the cards in the readers. Only this citizen's registered cards can be chosen, by serial; every
 * other reader is listed greyed with the reason. PIN state and certificate expiry are shown; "Okuyucuları
 * Yenile" reads the readers again after a card was inserted.
 */
class CardPage extends WizardPage {

    private final UnblockWizard wizard;
    private Label citizen;
    private Table table;
    private List<CardChoices.Choice> choices = List.of();
    private CardChoices.Choice chosen;
    private DeskSession session;

    CardPage(UnblockWizard wizard) {
        super("card");
        this.wizard = wizard;
        setTitle(wizard.messages.wizard_cardTitle);
        setDescription(wizard.messages.wizard_cardIntro);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        citizen = new Label(page, SWT.NONE);
        citizen.setData(WidgetRoles.KEY, "wizard.citizen");
        citizen.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table = new Table(page, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        table.setData(WidgetRoles.KEY, "wizard.cards");
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Messages m = wizard.messages;
        DeskMessages desk = wizard.desk();
        for (String header : new String[] { desk.card_columnReader, desk.card_columnSerial, desk.card_columnPin,
                desk.card_columnCertificate, m.wizard_columnChoice }) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(header);
            column.setWidth(160);
        }
        // Enter (or a double click) on a card that can be chosen goes on, as Next does
        table.addListener(SWT.DefaultSelection, event -> WizardKeys.goOn(this));
        table.addListener(SWT.Selection, event -> {
            int index = table.getSelectionIndex();
            chosen = index >= 0 && choices.get(index).selectable() ? choices.get(index) : null;
            setErrorMessage(index >= 0 && chosen == null ? m.wizard_cardNotSelectable : null);
            setPageComplete(chosen != null);
        });
        Button refresh = new Button(page, SWT.PUSH);
        refresh.setText(m.wizard_refreshReaders);
        refresh.setData(WidgetRoles.KEY, "wizard.cards.refresh");
        refresh.addListener(SWT.Selection, event -> show(session));
        setControl(page);
    }

    /** Fills the page for the opened session, from the readers as they are now. */
    void show(DeskSession session) {
        this.session = session;
        setErrorMessage(null);
        citizen.setText(DeskFormats.format(wizard.messages.wizard_citizen, session.citizenName(), session.tckn()));
        choices = CardChoices.of(wizard.cards.readers(), session.cards());
        table.removeAll();
        for (CardChoices.Choice choice : choices) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { choice.reader(), choice.serial().orElse(""),
                    choice.pinStatus().map(wizard.desk()::pin).orElse(""),
                    choice.certificateNotAfter().map(DeskFormats::date).orElse(""), reason(choice) });
            if (!choice.selectable()) {
                item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DISABLED_FOREGROUND));
            }
        }
        chosen = null;
        setPageComplete(false);
        // the usual visit: one card of this citizen in a reader, already chosen; Enter goes on
        List<Integer> selectable = java.util.stream.IntStream.range(0, choices.size()).filter(i -> choices.get(i).selectable())
                .boxed().toList();
        if (selectable.size() == 1) {
            table.select(selectable.get(0));
            chosen = choices.get(selectable.get(0));
            setPageComplete(true);
        }
    }

    @Override
    public void setVisible(boolean visible) {
        super.setVisible(visible);
        if (visible) {
            table.setFocus();
        }
    }

    private String reason(CardChoices.Choice choice) {
        if (choice.selectable()) {
            return wizard.messages.wizard_choosable;
        }
        return switch (choice.unavailable().orElseThrow()) {
        case NO_CARD -> wizard.desk().card_none;
        case UNREADABLE -> wizard.messages.wizard_unreadable;
        case NOT_THIS_CITIZENS_CARD -> wizard.messages.wizard_notThisCitizen;
        };
    }

    CardChoices.Choice chosen() {
        return chosen;
    }
}
