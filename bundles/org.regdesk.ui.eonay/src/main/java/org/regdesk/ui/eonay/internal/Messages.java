package org.regdesk.ui.eonay.internal;

import org.eclipse.e4.core.services.nls.Message;

/**
 * Operator-facing text of "E-Onay İşlemleri", from this bundle's {@code OSGI-INF/l10n/bundle*.properties}
 * (Turkish in {@code bundle_tr}, English in {@code bundle}); shared desk text is in
 * {@link org.regdesk.ui.desk.DeskMessages}. e4 injects a fresh instance when the operator switches
 * language ({@code @Translation Messages}). Field name = property key.
 */
@Message
public class Messages {

    public String eonay_title;
    public String eonay_statusTitle;
    public String eonay_statusNone;
    public String eonay_statusGiven;
    public String eonay_statusWithdrawn;
    public String eonay_withdraw;
    public String eonay_givenStop;
    public String eonay_textTitle;
    public String eonay_textWithdrawalTitle;
    public String eonay_textMeta;
    public String eonay_textRead;
    public String eonay_signTitle;
    public String eonay_signIntro;
    public String eonay_columnCertificate;
    public String eonay_columnValidUntil;
    public String eonay_columnUsable;
    public String eonay_usable;
    public String eonay_notNonRepudiation;
    public String eonay_expired;
    public String eonay_notYetValid;
    public String eonay_otherPerson;
    public String eonay_pin;
    public String eonay_finalTry;
    public String eonay_stepPin;
    public String eonay_stepSign;
    public String eonay_stepCheck;
    public String eonay_noCertificate;
    public String eonay_given;
    public String eonay_withdrawn;
    public String eonay_pinBlocked;
    public String eonay_sign;
    public String eonay_times;
    public String eonay_readingCertificates;
    public String eonay_loading;
}
