package org.regdesk.ui.desk;

import org.eclipse.swt.widgets.Widget;

/**
 * The role a widget plays, kept in its data under {@link #KEY}, so UI tests (and accessibility tools)
 * find widgets by what they are for rather than by text that changes with the language.
 */
public final class WidgetRoles {

    public static final String KEY = "org.regdesk.role";

    private WidgetRoles() {
    }

    /** Tags {@code widget} with {@code role} and hands it back. */
    public static <W extends Widget> W tag(W widget, String role) {
        widget.setData(KEY, role);
        return widget;
    }
}
