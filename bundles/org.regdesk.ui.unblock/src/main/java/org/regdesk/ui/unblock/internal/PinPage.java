package org.regdesk.ui.unblock.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.regdesk.ui.desk.DeskFormats;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.PinKeypad;
import org.regdesk.ui.desk.WidgetRoles;
import org.regdesk.ui.desk.WizardKeys;
import org.regdesk.unblock.PinPolicy;

/**
 * Step 3: the citizen types the new PIN twice on on-screen keypads. The policy is checked as they type
 * and every broken rule is listed; the PIN never leaves the desk.
 */
public class PinPage extends WizardPage {

    private final Messages messages;
    private final DeskMessages desk;
    private final PinPolicy policy;
    private PinKeypad first;
    private PinKeypad second;
    private Label rules;
    private String tckn;
    private LocalDate birthDate;

    public PinPage(Messages messages, DeskMessages desk, PinPolicy policy) {
        super("pin");
        this.messages = messages;
        this.desk = desk;
        this.policy = policy;
        setTitle(messages.wizard_pinTitle);
        setDescription(DeskFormats.format(messages.wizard_pinIntro, policy.minLength(), policy.maxLength()));
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, true));
        new Label(page, SWT.NONE).setText(messages.wizard_pinNew);
        new Label(page, SWT.NONE).setText(messages.wizard_pinAgain);
        first = new PinKeypad(page, desk, policy.maxLength(), false);
        first.setData(WidgetRoles.KEY, "wizard.pin.first");
        second = new PinKeypad(page, desk, policy.maxLength(), false);
        second.setData(WidgetRoles.KEY, "wizard.pin.second");
        Button scrambled = new Button(page, SWT.CHECK);
        scrambled.setText(messages.wizard_pinScrambled);
        scrambled.setData(WidgetRoles.KEY, "wizard.pin.scrambled");
        scrambled.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        scrambled.addListener(SWT.Selection, event -> {
            first.setScrambled(scrambled.getSelection());
            second.setScrambled(scrambled.getSelection());
        });
        rules = new Label(page, SWT.WRAP);
        rules.setData(WidgetRoles.KEY, "wizard.pin.rules");
        rules.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        first.onChange(this::check);
        second.onChange(this::check);
        // digits, Enter, digits, Enter: the keyboard is enough
        first.onEnter(second::setFocus);
        second.onEnter(() -> WizardKeys.goOn(this));
        setControl(page);
    }

    @Override
    public void setVisible(boolean visible) {
        super.setVisible(visible);
        if (visible) {
            first.setFocus();
        }
    }

    /** The citizen whose TCKN and birth date the PIN must not be made of. */
    public void forCitizen(String citizenTckn, LocalDate citizenBirthDate) {
        tckn = citizenTckn;
        birthDate = citizenBirthDate;
        clear();
    }

    private void check() {
        char[] pin = first.pin();
        char[] again = second.pin();
        try {
            List<PinPolicy.Violation> violations = policy.check(pin, again, tckn, birthDate);
            if (pin.length == 0) {
                rules.setText("");
            } else if (violations.isEmpty()) {
                rules.setText(messages.wizard_pinsMatch);
                rules.setForeground(rules.getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN));
            } else {
                rules.setText(violations.stream().map(this::text).collect(Collectors.joining("\n")));
                rules.setForeground(null);
            }
            rules.getParent().layout(true);
            setPageComplete(violations.isEmpty());
        } finally {
            Arrays.fill(pin, '\0');
            Arrays.fill(again, '\0');
        }
    }

    private String text(PinPolicy.Violation violation) {
        return switch (violation) {
        case LENGTH -> DeskFormats.format(messages.pinRule_length, policy.minLength(), policy.maxLength());
        case NOT_DIGITS -> messages.pinRule_digits;
        case MISMATCH -> messages.pinRule_mismatch;
        case REPEATED_DIGIT -> messages.pinRule_repeated;
        case SEQUENCE -> messages.pinRule_sequence;
        case IN_TCKN -> messages.pinRule_tckn;
        case IN_BIRTH_DATE -> messages.pinRule_birthDate;
        };
    }

    /** Forgets both entries (the keypads wipe their buffers). */
    public void clear() {
        if (first != null && !first.isDisposed()) {
            first.clear();
            second.clear();
        }
    }

    /** The accepted PIN, for the card write; the caller wipes it. */
    public char[] pin() {
        return first.pin();
    }
}
