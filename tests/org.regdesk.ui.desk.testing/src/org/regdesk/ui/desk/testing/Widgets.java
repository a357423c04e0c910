package org.regdesk.ui.desk.testing;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.regdesk.ui.desk.WidgetRoles;

/** Finds the workstation's widgets by the role they carry ({@code WidgetRoles.KEY} of the desk kit), as the UI tests do. */
public final class Widgets {

    private Widgets() {
    }

    /** The first widget below {@code control} with the role (and visible, if asked), or null. */
    public static Control findByRole(Control control, String role, boolean visibleOnly) {
        if (role.equals(control.getData(WidgetRoles.KEY)) && (!visibleOnly || control.isVisible())) {
            return control;
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                Control found = findByRole(child, role, visibleOnly);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
