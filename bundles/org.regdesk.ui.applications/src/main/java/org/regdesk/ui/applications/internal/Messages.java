package org.regdesk.ui.applications.internal;

import org.eclipse.e4.core.services.nls.Message;

/**
 * Operator-facing text of "Sertifika Başvuruları", from this bundle's {@code OSGI-INF/l10n/bundle*.properties}
 * (Turkish in {@code bundle_tr}, English in {@code bundle}); shared desk text is in
 * {@link org.regdesk.ui.desk.DeskMessages}. e4 injects a fresh instance when the operator switches
 * language ({@code @Translation Messages}). Field name = property key.
 */
@Message
public class Messages {

    public String applications_title;
    public String applications_intro;
    public String applications_new;
    public String applications_renewal;
    public String applications_apply;
    public String applications_refresh;
    public String applications_close;
    public String applications_citizen;
    public String applications_kind;
    public String applications_state;
    public String applications_readyAt;
    public String applications_certificateUntil;
    public String applications_ready;
    public String applications_waiting;
    public String applications_queued;
    public String applications_tckn;
    public String applications_for;
    public String applications_no_session;
    public String applications_loading;
}
