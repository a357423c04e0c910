package org.regdesk.ui.desk;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/**
 * The on-screen keypad the citizen types a new PIN on: a masked field, digits 0-9 (optionally in a
 * scrambled order, so a shoulder-surfer learns nothing from where fingers go), "Temizle" and "←". The
 * keyboard works too, but only digits get in, and never more than the card takes. The PIN is handed out
 * as a char array the caller wipes; {@link #clear()} empties the field.
 */
public class PinKeypad extends Composite {

    private final Text field;
    private final int maxLength;
    private final List<Runnable> listeners = new ArrayList<>();
    private final List<Button> digitButtons = new ArrayList<>();

    public PinKeypad(Composite parent, DeskMessages messages, int maxLength, boolean scrambled) {
        super(parent, SWT.NONE);
        this.maxLength = maxLength;
        setLayout(new GridLayout(3, true));
        field = new Text(this, SWT.BORDER | SWT.PASSWORD | SWT.CENTER);
        field.setData(WidgetRoles.KEY, "keypad.field");
        field.setTextLimit(maxLength);
        field.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        field.addListener(SWT.Verify, event -> {
            for (char c : event.text.toCharArray()) {
                if (c < '0' || c > '9') {
                    event.doit = false;
                    return;
                }
            }
        });
        field.addListener(SWT.Modify, event -> listeners.forEach(Runnable::run));

        for (int i = 0; i < 9; i++) {
            digitButtons.add(digitButton());
        }
        button(messages.keypad_clear, "keypad.clear", this::clear);
        digitButtons.add(digitButton());
        setScrambled(scrambled);
        button(messages.keypad_back, "keypad.back", () -> {
            String text = field.getText();
            if (!text.isEmpty()) {
                field.setText(text.substring(0, text.length() - 1));
            }
        });
    }

    /**
     * Puts the digits in a new random order (so the position of a tap tells an onlooker nothing) or back
     * in the usual one. What was typed stays.
     */
    public void setScrambled(boolean scrambled) {
        List<Character> digits = new ArrayList<>(List.of('1', '2', '3', '4', '5', '6', '7', '8', '9', '0'));
        if (scrambled) {
            Collections.shuffle(digits, new SecureRandom());
        }
        for (int i = 0; i < digits.size(); i++) {
            Button button = digitButtons.get(i);
            button.setText(String.valueOf(digits.get(i)));
            button.setData(WidgetRoles.KEY, "keypad.digit." + digits.get(i));
        }
    }

    private Button digitButton() {
        Button[] self = new Button[1];
        self[0] = button("", "keypad.digit", () -> {
            if (field.getCharCount() < maxLength) {
                field.append(self[0].getText());
            }
        });
        return self[0];
    }

    private Button button(String label, String role, Runnable action) {
        Button button = new Button(this, SWT.PUSH);
        button.setText(label);
        button.setData(WidgetRoles.KEY, role);
        GridData layout = new GridData(SWT.FILL, SWT.FILL, true, false);
        layout.heightHint = 44;
        button.setLayoutData(layout);
        button.addListener(SWT.Selection, event -> action.run());
        return button;
    }

    /** A copy of the digits typed so far; the caller wipes it. */
    public char[] pin() {
        return field.getTextChars();
    }

    public int length() {
        return field.getCharCount();
    }

    public void clear() {
        field.setText("");
    }

    /** The typing field gets the focus: the keyboard works as well as the on-screen digits. */
    @Override
    public boolean setFocus() {
        return field.setFocus();
    }

    /**
     * What Enter in the field does instead of the dialog's default button (e.g. go on to the second
     * entry); without it, Enter presses the default button as usual.
     */
    public void onEnter(Runnable action) {
        field.addListener(SWT.Traverse, event -> {
            if (event.detail == SWT.TRAVERSE_RETURN) {
                event.doit = false;
                action.run();
            }
        });
    }

    /** Called on every change, e.g. to check the policy as the citizen types. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
