package org.regdesk.ui.desk.testing;

import java.util.Locale;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.nls.IMessageFactoryService;
import org.eclipse.e4.core.services.translation.ResourceBundleProvider;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;

/** For tests of one wizard page: a bundle's Turkish texts, and the page open on its own. */
public final class WizardPages {

    private WizardPages() {
    }

    /** The Turkish instance of an e4 message class ({@code Messages} of a bundle, {@code DeskMessages}). */
    public static <M> M turkish(BundleContext context, Class<M> messages) {
        IEclipseContext application = context.getService(context.getServiceReference(IWorkbench.class)).getApplication()
                .getContext();
        return application.get(IMessageFactoryService.class).getMessageInstance(Locale.forLanguageTag("tr"), messages,
                application.get(ResourceBundleProvider.class));
    }

    /** A non-blocking wizard dialog showing only this page. */
    public static WizardDialog openAlone(IWizardPage page) {
        WizardDialog dialog = new WizardDialog(Display.getCurrent().getShells()[0], new Wizard() {
            @Override
            public void addPages() {
                addPage(page);
            }

            @Override
            public boolean performFinish() {
                return true;
            }
        });
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog;
    }
}
