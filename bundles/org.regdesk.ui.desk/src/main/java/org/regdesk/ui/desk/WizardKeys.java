package org.regdesk.ui.desk;

import org.eclipse.jface.wizard.IWizardContainer;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;

/**
 * Enter goes on in a desk wizard, so an operator needs no mouse. The page change runs after the key press
 * is over, never inside it: a page change disables the page's widgets for its backend call, and GTK was
 * seen to spin for ever when the focused field was disabled inside its own key press.
 */
public final class WizardKeys {

    private WizardKeys() {
    }

    /** Enter in {@code field} goes to the next page, as Next does, when the page is complete. */
    public static void enterGoesOn(WizardPage page, Control field) {
        field.addListener(SWT.Traverse, event -> {
            if (event.detail == SWT.TRAVERSE_RETURN && page.isPageComplete()) {
                event.doit = false;
                goOn(page);
            }
        });
    }

    /** Goes to the next page once the event being handled is over, if the page is still the current one. */
    public static void goOn(WizardPage page) {
        page.getControl().getDisplay().asyncExec(() -> {
            IWizardContainer container = page.getWizard().getContainer();
            if (!page.getControl().isDisposed() && container.getCurrentPage() == page && page.isPageComplete()) {
                container.showPage(page.getNextPage());
            }
        });
    }
}
