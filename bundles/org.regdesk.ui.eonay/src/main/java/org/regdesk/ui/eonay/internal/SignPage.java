package org.regdesk.ui.eonay.internal;

import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardService;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.PinStatus;
import org.regdesk.eonay.EOnayFlow;
import org.regdesk.eonay.SigningCertificates;
import org.regdesk.ui.desk.DeskFormats;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.NamedNextStep;
import org.regdesk.ui.desk.OffTheUiThread;
import org.regdesk.ui.desk.PinKeypad;
import org.regdesk.ui.desk.WidgetRoles;
import org.regdesk.unblock.CardChoices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-Onay step 4: the certificates on the citizen's cards in the readers, only valid non-repudiation
 * certificates of this citizen selectable (the others greyed with the reason), and the PIN on the keypad.
 * Leaving the page signs: PIN, card signature, the registry's check, with the steps in the progress bar.
 */
class SignPage extends WizardPage implements NamedNextStep {

    private static final Logger LOG = LoggerFactory.getLogger(SignPage.class);

    private record Row(String serial, SigningCertificates.Choice choice, PinStatus pinStatus) {
    }

    private final Messages messages;
    private final DeskMessages desk;
    private final CardService cards;
    private Table table;
    private PinKeypad pin;
    private final List<Row> rows = new ArrayList<>();
    private Row chosen;

    SignPage(Messages messages, DeskMessages desk, CardService cards) {
        super("sign");
        this.messages = messages;
        this.desk = desk;
        this.cards = cards;
        setTitle(messages.eonay_signTitle);
        setDescription(messages.eonay_signIntro);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        table = new Table(page, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        table.setData(WidgetRoles.KEY, "eonay.certificates");
        table.setHeaderVisible(true);
        GridData tableLayout = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableLayout.widthHint = 560;
        table.setLayoutData(tableLayout);
        String[] headers = { desk.card_columnSerial, messages.eonay_columnCertificate, messages.eonay_columnValidUntil,
                messages.eonay_columnUsable };
        int[] widths = { 120, 170, 110, 130 };
        for (int i = 0; i < headers.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(headers[i]);
            column.setWidth(widths[i]);
        }
        Composite pinArea = new Composite(page, SWT.NONE);
        pinArea.setLayout(new GridLayout(1, false));
        new Label(pinArea, SWT.NONE).setText(messages.eonay_pin);
        pin = new PinKeypad(pinArea, desk, 12, false);
        pin.setData(WidgetRoles.KEY, "eonay.pin");
        pin.onChange(this::validate);
        table.addListener(SWT.Selection, event -> {
            int index = table.getSelectionIndex();
            chosen = index >= 0 && rows.get(index).choice().selectable() ? rows.get(index) : null;
            validate();
        });
        setControl(page);
    }

    @Override
    public String nextLabel() {
        return messages.eonay_sign;
    }

    /** Reads the certificates of the citizen's cards that are in a reader now, off the UI thread. */
    void show(DeskSession session) {
        rows.clear();
        table.removeAll();
        chosen = null;
        pin.clear();
        setErrorMessage(null);
        List<String> unreadable = new ArrayList<>();
        try {
            rows.addAll(OffTheUiThread.run(getContainer(), messages.eonay_readingCertificates, true, RuntimeException.class,
                    monitor -> certificates(session, unreadable)));
        } catch (InterruptedException cancelled) {
            // the table stays empty; Back and Next again reads the cards again
        }
        if (!unreadable.isEmpty()) {
            setErrorMessage(unreadable.get(0));
        }
        for (Row row : rows) {
            TableItem item = new TableItem(table, SWT.NONE);
            var certificate = row.choice().certificate().certificate();
            item.setText(new String[] { row.serial(), certificate.getSubjectX500Principal().getName().replaceAll(",.*", "").replaceFirst("^CN=", ""),
                    DeskFormats.date(certificate.getNotAfter().toInstant()), reason(row.choice()) });
            if (!row.choice().selectable()) {
                item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DISABLED_FOREGROUND));
            }
        }
        for (TableColumn column : table.getColumns()) {
            int wanted = column.getWidth();
            column.pack();
            column.setWidth(Math.max(wanted, column.getWidth()));
        }
        if (rows.stream().noneMatch(row -> row.choice().selectable()) && unreadable.isEmpty()) {
            setErrorMessage(messages.eonay_noCertificate);
        }
        validate();
    }

    /** Runs off the UI thread: the certificates of every card of the citizen in a reader. */
    private List<Row> certificates(DeskSession session, List<String> unreadable) {
        List<Row> found = new ArrayList<>();
        for (CardChoices.Choice card : CardChoices.of(cards.readers(), session.cards())) {
            if (!card.selectable()) {
                continue;
            }
            try (CardSession open = cards.open(card.serial().orElseThrow())) {
                for (SigningCertificates.Choice choice : SigningCertificates.of(open.certificates(), session.tckn(), Instant.now())) {
                    found.add(new Row(card.serial().orElseThrow(), choice, card.pinStatus().orElse(null)));
                }
            } catch (CardException problem) {
                unreadable.add(explain(problem));
            }
        }
        return found;
    }

    private void validate() {
        setPageComplete(chosen != null && pin.length() >= 4);
        boolean finalTry = chosen != null && chosen.pinStatus() != null && chosen.pinStatus().state() == PinStatus.State.FINAL_TRY;
        setMessage(finalTry ? messages.eonay_finalTry : null, WARNING);
    }

    private String reason(SigningCertificates.Choice choice) {
        if (choice.selectable()) {
            return messages.eonay_usable;
        }
        return switch (choice.unusable().orElseThrow()) {
        case NOT_NON_REPUDIATION -> messages.eonay_notNonRepudiation;
        case EXPIRED -> messages.eonay_expired;
        case NOT_YET_VALID -> messages.eonay_notYetValid;
        case OTHER_PERSON -> messages.eonay_otherPerson;
        };
    }

    /**
     * Signs and submits; the result, or null with the reason on this page (wrong PIN with the tries left,
     * card pulled, the registry's own refusal). Nothing is recorded unless the registry accepted it.
     */
    EOnayFlow.Result sign(EOnayFlow flow, String sessionId, ConsentTextPage text) {
        setErrorMessage(null);
        char[] typed = pin.pin();
        String serial = chosen.serial();
        var certificate = chosen.choice().certificate();
        EOnayFlow.Result[] result = new EOnayFlow.Result[1];
        try {
            getContainer().run(true, false, monitor -> {
                monitor.beginTask(messages.eonay_signTitle, EOnayFlow.Step.values().length);
                try (CardSession card = cards.open(serial)) {
                    result[0] = flow.signAndSubmit(sessionId, text.shown(), text.readAt(), card, certificate, typed, step -> {
                        monitor.subTask(switch (step) {
                        case PIN -> messages.eonay_stepPin;
                        case CARD_SIGNATURE -> messages.eonay_stepSign;
                        case REGISTRY_CHECK -> messages.eonay_stepCheck;
                        });
                        monitor.worked(1);
                    });
                } catch (CardException | RegistryException e) {
                    throw new InvocationTargetException(e);
                } finally {
                    monitor.done();
                }
            });
            return result[0];
        } catch (InvocationTargetException failed) {
            setErrorMessage(explain(failed.getCause()));
            pin.clear();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    private String explain(Throwable failure) {
        if (failure instanceof RegistryException refused) {
            return desk.refusal(refused, getClass());
        }
        if (failure instanceof CardException card) {
            LOG.info("E-Onay card step failed: {} ({})", card.reason(), card.getMessage());
            return switch (card.reason()) {
            case PIN_BLOCKED, PIN_NOT_SET -> messages.eonay_pinBlocked;
            default -> desk.card(card);
            };
        }
        LOG.warn("E-Onay signing failed", failure);
        return desk.cardProblem_IO;
    }

    void clear() {
        if (pin != null && !pin.isDisposed()) {
            pin.clear();
        }
    }
}
