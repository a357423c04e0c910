package org.regdesk.ui.workstation.dialogs;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.regdesk.backend.api.session.DeskSessions;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardService;
import org.regdesk.card.api.CardView;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.OffTheUiThread;
import org.regdesk.ui.desk.WidgetRoles;
import org.regdesk.ui.workstation.l10n.Messages;
import org.regdesk.ui.workstation.signin.OperatorCardSignIn;

/**
 * The operator signs in at this desk, with their own card (a card in a reader, its PIN) or with user name and
 * password. The desk itself is already known to the backend by its certificate; a refusal (wrong PIN or password,
 * card not enrolled, too many tries, unknown desk, backend down) is shown in the dialog in the workstation's
 * language and the operator can try again.
 */
public class SignInDialog extends TitleAreaDialog {

    private final Messages messages;
    private final DeskMessages desk;
    private final DeskSessions connector;
    /** Empty when no card service runs at this desk: then only the password. */
    private final Optional<CardService> cards;
    private Text username;
    private Text password;
    private Combo cardChoice;
    private Text pin;
    private List<String> cardSerials = List.of();
    private OperatorSignedIn signedIn;
    private String cardSerial;

    public SignInDialog(Shell parent, Messages messages, DeskMessages desk, DeskSessions connector, Optional<CardService> cards) {
        super(parent);
        this.messages = messages;
        this.desk = desk;
        this.connector = connector;
        this.cards = cards;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(messages.signIn_title);
        setMessage(messages.signIn_intro);
        getShell().setText(messages.signIn_title);
        Composite fields = new Composite(area, SWT.NONE);
        fields.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        fields.setLayout(new GridLayout(2, false));
        new Label(fields, SWT.NONE).setText(messages.signIn_username);
        username = new Text(fields, SWT.BORDER);
        username.setData(WidgetRoles.KEY, "signIn.username");
        username.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(fields, SWT.NONE).setText(messages.signIn_password);
        password = new Text(fields, SWT.BORDER | SWT.PASSWORD);
        password.setData(WidgetRoles.KEY, "signIn.password");
        password.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        createCardArea(area);
        return area;
    }

    /** The operator's own card: which one (the cards in the readers now), its PIN, and the button. */
    private void createCardArea(Composite area) {
        Group group = new Group(area, SWT.NONE);
        group.setText(messages.signIn_cardGroup);
        group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        group.setLayout(new GridLayout(2, false));
        new Label(group, SWT.NONE).setText(messages.signIn_card);
        cardChoice = new Combo(group, SWT.READ_ONLY);
        cardChoice.setData(WidgetRoles.KEY, "signIn.card");
        cardChoice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(group, SWT.NONE).setText(messages.signIn_pin);
        pin = new Text(group, SWT.BORDER | SWT.PASSWORD);
        pin.setData(WidgetRoles.KEY, "signIn.pin");
        pin.setTextLimit(12);
        pin.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(group, SWT.NONE);
        Button withCard = new Button(group, SWT.PUSH);
        withCard.setText(messages.signIn_withCard);
        withCard.setData(WidgetRoles.KEY, "signIn.withCard");
        withCard.addListener(SWT.Selection, event -> {
            if (submitWithCard()) {
                setReturnCode(OK);
                close();
            }
        });
        pin.addListener(SWT.DefaultSelection, event -> withCard.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event()));
        List<CardView> present = cards.map(CardService::readers).orElse(List.of()).stream()
                .filter(view -> view.card().isPresent()).toList();
        cardSerials = present.stream().map(view -> view.card().get().serialNumber()).toList();
        present.forEach(view -> cardChoice.add(view.reader().name() + " – " + view.certificateSubject()
                .orElse(view.card().get().serialNumber())));
        if (cardSerials.isEmpty()) {
            cardChoice.add(messages.signIn_noCard);
            group.setEnabled(false);
            withCard.setEnabled(false);
            pin.setEnabled(false);
        }
        cardChoice.select(0);
    }

    /** Signs in with the chosen card and the PIN typed; false (and why) when the card or the registry refused. Public for tests. */
    public boolean submitWithCard() {
        char[] secret = pin.getTextChars();
        if (cardSerials.isEmpty() || secret.length == 0) {
            setErrorMessage(messages.signIn_pinMissing);
            return false;
        }
        String serial = cardSerials.get(Math.max(0, cardChoice.getSelectionIndex()));
        try {
            OperatorCardSignIn.SignedInWithCard result = OffTheUiThread.run(new ProgressMonitorDialog(getShell()),
                    messages.signIn_withCardChecking, true, Exception.class,
                    monitor -> OperatorCardSignIn.signIn(cards.orElseThrow(), connector, serial, secret));
            signedIn = result.operator();
            cardSerial = result.cardSerial();
            return true;
        } catch (RegistryException refused) {
            setErrorMessage(desk.refusal(refused));
        } catch (CardException problem) {
            setErrorMessage(desk.card(problem));
        } catch (InterruptedException cancelled) {
            return false;
        } catch (Exception unexpected) {
            setErrorMessage(unexpected.getMessage());
        } finally {
            Arrays.fill(secret, '\0');
            pin.setText("");
        }
        pin.setFocus();
        return false;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, messages.signIn_button, true);
        createButton(parent, IDialogConstants.CANCEL_ID, messages.signIn_cancel, false);
    }

    @Override
    protected void okPressed() {
        if (submit()) {
            super.okPressed();
        }
    }

    /** Signs in with what is typed; false (and the reason shown) when the backend refused. Public for tests. */
    public boolean submit() {
        String user = username.getText().strip();
        char[] secret = password.getTextChars();
        if (user.isEmpty() || secret.length == 0) {
            setErrorMessage(messages.signIn_missing);
            return false;
        }
        try {
            signedIn = OffTheUiThread.run(new ProgressMonitorDialog(getShell()), messages.signIn_checking, true,
                    RegistryException.class, monitor -> connector.signIn(user, secret));
            return true;
        } catch (RegistryException refused) {
            setErrorMessage(desk.refusal(refused));
            password.setText("");
            password.setFocus();
            return false;
        } catch (InterruptedException cancelled) {
            return false;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** Fills the fields, for tests that drive the dialog without a keyboard. */
    public void fill(String user, String secret) {
        username.setText(user);
        password.setText(secret);
    }

    public Optional<OperatorSignedIn> signedIn() {
        return Optional.ofNullable(signedIn);
    }

    /** The card the operator signed in with, if it was a card: pulling it signs the operator out. */
    public Optional<String> cardSerial() {
        return Optional.ofNullable(cardSerial);
    }

    /** Types the PIN, for tests that drive the dialog without a keyboard. */
    public void fillPin(String digits) {
        pin.setText(digits);
    }
}
