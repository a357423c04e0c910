package org.regdesk.ui.workstation.signin;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.regdesk.backend.api.session.DeskSessions;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.card.api.CardService;
import org.regdesk.card.api.CardView;
import org.regdesk.ui.workstation.l10n.Messages;

/**
 * The session never outlives the operator's card: when the card the operator signed in with leaves every reader, the
 * operator is signed out at the registry and on the desk, and told so. Off with the system property
 * {@value #KEEP_PROPERTY}{@code =true} (a desk whose operators keep their card elsewhere after signing in).
 */
public class OperatorCardRemovalAddon {

    public static final String KEEP_PROPERTY = "regdesk.signIn.keepAfterCardRemoval";

    @Inject
    private MApplication application;

    @Inject
    @Translation
    private Messages messages;

    @Inject
    @Optional
    void cardsChanged(@UIEventTopic(CardService.TOPIC_CHANGED) List<CardView> views) {
        OperatorCard card = application.getContext().get(OperatorCard.class);
        if (card == null || Boolean.getBoolean(KEEP_PROPERTY) || views.stream()
                .anyMatch(view -> view.card().filter(identity -> identity.serialNumber().equals(card.serial())).isPresent())) {
            return;
        }
        application.getContext().remove(OperatorCard.class);
        application.getContext().remove(OperatorSignedIn.class);
        BundleContext context = FrameworkUtil.getBundle(OperatorCardRemovalAddon.class).getBundleContext();
        ServiceReference<DeskSessions> reference = context.getServiceReference(DeskSessions.class);
        if (reference != null) {
            DeskSessions registry = context.getService(reference);
            // the registry call waits on the network: not on the UI thread
            Thread.ofVirtual().start(() -> {
                try {
                    registry.signOut();
                } finally {
                    context.ungetService(reference);
                }
            });
        }
        Display display = Display.getCurrent();
        MessageDialog.openInformation(display == null ? null : display.getActiveShell(), messages.signIn_title,
                messages.signIn_cardRemoved);
    }
}
