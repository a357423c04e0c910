package org.regdesk.ui.workstation.tests;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/** Finds the workstation's widgets by the role they carry ({@code WidgetRoles.KEY} of the desk kit), as the UI tests do. */
final class Widgets {

    static final String ROLE = "org.regdesk.role";

    private Widgets() {
    }

    /** The first widget below {@code control} with the role (and visible, if asked), or null. */
    static Control findByRole(Control control, String role, boolean visibleOnly) {
        if (role.equals(control.getData(ROLE)) && (!visibleOnly || control.isVisible())) {
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
