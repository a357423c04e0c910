package org.regdesk.ui.unblock.internal;

import org.eclipse.e4.core.services.nls.Message;

/**
 * Operator-facing text of "PIN Oluşturma / Kilit Çözme", from this bundle's {@code OSGI-INF/l10n/bundle*.properties}
 * (Turkish in {@code bundle_tr}, English in {@code bundle}); shared desk text is in
 * {@link org.regdesk.ui.desk.DeskMessages}. e4 injects a fresh instance when the operator switches
 * language ({@code @Translation Messages}). Field name = property key.
 */
@Message
public class Messages {

    public String wizard_title;
    public String wizard_cardTitle;
    public String wizard_cardIntro;
    public String wizard_citizen;
    public String wizard_columnChoice;
    public String wizard_choosable;
    public String wizard_notThisCitizen;
    public String wizard_unreadable;
    public String wizard_cardNotSelectable;
    public String wizard_refreshReaders;
    public String wizard_pinTitle;
    public String wizard_pinIntro;
    public String wizard_pinNew;
    public String wizard_pinAgain;
    public String wizard_pinScrambled;
    public String wizard_pinsMatch;
    public String pinRule_length;
    public String pinRule_digits;
    public String pinRule_mismatch;
    public String pinRule_repeated;
    public String pinRule_sequence;
    public String pinRule_tckn;
    public String pinRule_birthDate;
    public String wizard_writeTitle;
    public String wizard_writeIntro;
    public String wizard_writeTask;
    public String wizard_stepChallenge;
    public String wizard_stepAuthorization;
    public String wizard_stepWrite;
    public String wizard_stepReport;
    public String wizard_retry;
    public String wizard_retryHint;
    public String wizard_notReported;
    public String wizard_done;
}
