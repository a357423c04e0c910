package org.regdesk.ui.workstation.parts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.regdesk.backend.api.BackendStatus;
import org.regdesk.backend.api.BackendStatusService;
import org.regdesk.ui.desk.DeskFormats;
import org.regdesk.ui.desk.WidgetRoles;
import org.regdesk.ui.workstation.l10n.Messages;

/** Status-bar entry with the backend connection state; a click asks for a fresh check. */
public class BackendStatusControl {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    @Inject
    @Optional
    private BackendStatusService service;

    private Label label;
    private Messages messages;
    private BackendStatus shown;

    @PostConstruct
    public void createControls(Composite parent) {
        label = new Label(parent, SWT.NONE);
        label.setData(WidgetRoles.KEY, "status.backend");
        label.addListener(SWT.MouseUp, event -> {
            if (service != null) {
                service.checkNow();
            }
        });
        shown = service == null ? null : service.current();
        render();
    }

    @Inject
    @Optional
    public void statusChanged(@UIEventTopic(BackendStatusService.TOPIC_STATUS) BackendStatus status) {
        shown = status;
        render();
    }

    @Inject
    public void translate(@Translation Messages translated) {
        messages = translated;
        render();
    }

    /** The operator text for a status; public for tests. */
    public static String describe(BackendStatus status, Messages messages) {
        if (status == null) {
            return messages.status_noService;
        }
        return switch (status.state()) {
        case CHECKING -> DeskFormats.format(messages.status_checking, status.address().getAuthority());
        case CONNECTED -> DeskFormats.format(messages.status_connected, status.serverVersion().orElse("?"));
        case UNREACHABLE -> messages.status_unreachable;
        case UNTRUSTED -> messages.status_untrusted;
        case FAILING -> messages.status_failing;
        };
    }

    private void render() {
        if (label == null || label.isDisposed() || messages == null) {
            return;
        }
        label.setText(describe(shown, messages));
        label.setToolTipText(shown == null ? null
                : DeskFormats.format(messages.status_tooltip, shown.detail().orElse(shown.address().toString()),
                        TIME.format(shown.checkedAt())));
        // The trim bar sized the control when its text was empty; let the shell grow it.
        label.getShell().layout(new Control[] { label }, SWT.DEFER);
    }
}
