package org.regdesk.ui.desk.testing;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;

/**
 * Real key strokes through the window system ({@link Display#post}), as an operator's keyboard sends
 * them; callable from a thread other than the UI thread, so a test can type into a modal dialog.
 */
public final class Keys {

    private Keys() {
    }

    /** Types digits and letters one key at a time. */
    public static void type(Display display, String text) throws InterruptedException {
        for (char character : text.toCharArray()) {
            stroke(display, character, character);
        }
    }

    public static void enter(Display display) throws InterruptedException {
        stroke(display, SWT.CR, '\r');
    }

    /** A key without a character, e.g. {@link SWT#F2}. */
    public static void press(Display display, int keyCode) throws InterruptedException {
        stroke(display, keyCode, '\0');
    }

    private static void stroke(Display display, int keyCode, char character) throws InterruptedException {
        for (int type : new int[] { SWT.KeyDown, SWT.KeyUp }) {
            Event event = new Event();
            event.type = type;
            event.keyCode = keyCode;
            event.character = character;
            if (!display.post(event)) {
                throw new AssertionError("the window system took no key event");
            }
            Thread.sleep(15);
        }
    }
}
