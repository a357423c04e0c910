package org.regdesk.ui.workstation.l10n;

import org.eclipse.e4.core.services.nls.Message;

/**
 * Operator-facing text of the workstation shell, from this bundle's {@code OSGI-INF/l10n/bundle*.properties}
 * (Turkish in {@code bundle_tr}, English in {@code bundle}); shared desk text is in
 * {@link org.regdesk.ui.desk.DeskMessages}. e4 injects a fresh instance when the operator switches
 * language ({@code @Translation Messages}). Field name = property key.
 */
@Message
public class Messages {

    public String home_title;
    public String home_signInFirst;
    public String home_none;
    public String readers_title;
    public String readers_empty;
    public String readers_emptyHint;
    public String readers_columnHolder;
    public String readers_unreadable;
    public String readers_expires;
    public String status_checking;
    public String status_connected;
    public String status_unreachable;
    public String status_untrusted;
    public String status_failing;
    public String status_noService;
    public String status_tooltip;
    public String about_title;
    public String about_intro;
    public String about_columnBundle;
    public String about_columnVersion;
    public String about_columnState;
    public String language;
    public String signIn_title;
    public String signIn_intro;
    public String signIn_username;
    public String signIn_password;
    public String signIn_button;
    public String signIn_cancel;
    public String signIn_missing;
    public String operator_none;
    public String operator_signedIn;
    public String signIn_checking;
    public String signIn_cardGroup;
    public String signIn_card;
    public String signIn_pin;
    public String signIn_withCard;
    public String signIn_withCardChecking;
    public String signIn_noCard;
    public String signIn_pinMissing;
    public String signIn_cardRemoved;
    public String role_OPERATOR;
    public String role_SUPERVISOR;
    public String role_AUDITOR;

    /** An operator role (OPERATOR, SUPERVISOR, AUDITOR) in words; an unknown one as the backend sent it. */
    public String role(String role) {
        return switch (role) {
        case "OPERATOR" -> role_OPERATOR;
        case "SUPERVISOR" -> role_SUPERVISOR;
        case "AUDITOR" -> role_AUDITOR;
        default -> role;
        };
    }
}
