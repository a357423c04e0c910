package org.regdesk.ui.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.regdesk.backend.api.session.DeskSessions;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.card.api.CardService;

/**
 * The handler of a desk operation's command: enabled for a signed-in operator, it opens the operation's
 * dialog or wizard with the desk sessions, the operation's own registry role {@code C} and the cards,
 * or says what is missing. The services are the highest-ranked ones, so a CA's connector for one role
 * replaces RegDesk's without the operation knowing.
 */
public abstract class DeskDialogHandler<C> {

    private final Class<C> connector;

    /** @param connector the registry role the operation works with, e.g. {@code UnblockConnector.class} */
    protected DeskDialogHandler(Class<C> connector) {
        this.connector = Objects.requireNonNull(connector, "connector");
    }

    @CanExecute
    public boolean canExecute(@Optional OperatorSignedIn operator) {
        return operator != null;
    }

    @Execute
    public void execute(@Named("activeShell") Shell shell, @Translation DeskMessages desk) {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        List<ServiceReference<?>> held = new ArrayList<>();
        try {
            DeskSessions sessions = service(context, DeskSessions.class, held);
            C role = service(context, connector, held);
            CardService cards = service(context, CardService.class, held);
            if (sessions == null || role == null || cards == null) {
                MessageDialog.openError(shell, shell.getText(), desk.wizard_noConnector);
                return;
            }
            dialog(shell, desk, new DeskServices<>(sessions, role, cards)).open();
        } finally {
            held.forEach(context::ungetService);
        }
    }

    private static <S> S service(BundleContext context, Class<S> type, List<ServiceReference<?>> held) {
        ServiceReference<S> reference = context.getServiceReference(type);
        if (reference == null) {
            return null;
        }
        held.add(reference);
        return context.getService(reference);
    }

    /** The operation's dialog or wizard dialog, not yet open. */
    protected abstract Window dialog(Shell shell, DeskMessages desk, DeskServices<C> services);
}
