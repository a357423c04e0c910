package org.regdesk.ui.workstation.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regdesk.ui.desk.DeskMessages;
import org.regdesk.ui.desk.PinKeypad;
import org.regdesk.ui.desk.testing.Widgets;

/** The on-screen PIN keypad: digits, "Temizle", "←", the card's length limit, keyboard digits only, scrambling. */
class PinKeypadTest {

    private Shell shell;

    @BeforeEach
    void openShell() {
        shell = new Shell(Display.getCurrent());
        shell.setLayout(new FillLayout());
    }

    @AfterEach
    void closeShell() {
        shell.dispose();
    }

    private PinKeypad keypad(boolean scrambled) {
        DeskMessages messages = new DeskMessages();
        messages.keypad_clear = "Temizle";
        messages.keypad_back = "←";
        PinKeypad keypad = new PinKeypad(shell, messages, 12, scrambled);
        shell.pack();
        shell.open();
        return keypad;
    }

    private static void press(PinKeypad keypad, String role) {
        Control button = Widgets.findByRole(keypad, role, false);
        assertNotNull(button, role);
        button.notifyListeners(SWT.Selection, new Event());
    }

    @Test
    void digitsClearAndBackspaceBuildThePinAndEveryChangeIsAnnounced() {
        PinKeypad keypad = keypad(false);
        AtomicInteger changes = new AtomicInteger();
        keypad.onChange(changes::incrementAndGet);
        for (char digit : "4829".toCharArray()) {
            press(keypad, "keypad.digit." + digit);
        }
        assertArrayEquals("4829".toCharArray(), keypad.pin());
        press(keypad, "keypad.back");
        assertArrayEquals("482".toCharArray(), keypad.pin());
        press(keypad, "keypad.clear");
        assertEquals(0, keypad.length());
        assertEquals(6, changes.get());
        assertEquals("Temizle", ((Button) Widgets.findByRole(keypad, "keypad.clear", false)).getText());
    }

    @Test
    void theFieldIsMaskedTakesOnlyDigitsFromTheKeyboardAndStopsAtTheCardsLimit() {
        PinKeypad keypad = keypad(false);
        Text field = (Text) Widgets.findByRole(keypad, "keypad.field", false);
        assertEquals(SWT.PASSWORD, field.getStyle() & SWT.PASSWORD);
        field.insert("12a3");
        assertEquals(0, keypad.length(), "a paste with a letter is refused whole");
        field.insert("123");
        for (int i = 0; i < 15; i++) {
            press(keypad, "keypad.digit.7");
        }
        assertEquals(12, keypad.length());
    }

    @Test
    void theScrambledLayoutHasEveryDigitOnceInAnotherOrder() {
        List<String> orders = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            shell.dispose();
            openShell();
            PinKeypad keypad = keypad(true);
            StringBuilder order = new StringBuilder();
            for (Control child : keypad.getChildren()) {
                if (child instanceof Button button && button.getText().matches("[0-9]")) {
                    order.append(button.getText());
                }
            }
            assertEquals(10, order.chars().distinct().count());
            orders.add(order.toString());
        }
        assertNotEquals(List.of("1234567890", "1234567890", "1234567890", "1234567890", "1234567890"), orders);
    }
}
