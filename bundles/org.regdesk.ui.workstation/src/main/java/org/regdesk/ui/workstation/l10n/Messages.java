package org.regdesk.ui.workstation.l10n;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.eclipse.e4.core.services.nls.Message;

/**
 * Operator-facing text of the workstation, from {@code OSGI-INF/l10n/bundle*.properties}
 * (Turkish in {@code bundle_tr}, English in {@code bundle}). e4 injects a fresh instance when the
 * operator switches language, so every widget that shows text takes it in a {@code @Inject}
 * method with a {@code @Translation Messages} parameter. Field name = property key.
 */
@Message
public class Messages {

    public String readers_title;
    public String readers_empty;
    public String readers_emptyHint;
    public String readers_columnReader;
    public String readers_columnCard;
    public String readers_columnHolder;
    public String readers_columnPin;
    public String readers_columnCertificate;
    public String readers_noCard;
    public String readers_unreadable;
    public String readers_expires;
    public String pin_ready;
    public String pin_finalTry;
    public String pin_blocked;
    public String pin_notSet;

    public String drivers_title;
    public String drivers_empty;
    public String drivers_columnName;
    public String drivers_columnBundle;
    public String drivers_columnVersion;
    public String drivers_columnState;
    public String updates_title;
    public String updates_repository;
    public String updates_noRepository;
    public String updates_installedTitle;
    public String updates_availableTitle;
    public String updates_check;
    public String updates_install;
    public String updates_rollBack;
    public String updates_columnDriver;
    public String updates_columnFeature;
    public String updates_columnVersion;
    public String updates_columnPrevious;
    public String updates_columnStatus;
    public String updates_statusInstalled;
    public String updates_statusNewer;
    public String updates_statusOlder;
    public String updates_found;
    public String updates_installed;
    public String updates_rolledBack;
    public String updates_step_CONTACTING_REPOSITORY;
    public String updates_step_PLANNING;
    public String updates_step_DOWNLOADING;
    public String updates_step_VERIFYING_SIGNATURES;
    public String updates_step_WAITING_FOR_CARDS;
    public String updates_step_INSTALLING;
    public String updates_step_STARTING_DRIVER;

    public String status_checking;
    public String status_connected;
    public String status_unreachable;
    public String status_untrusted;
    public String status_failing;
    public String status_noService;
    public String status_tooltip;

    public String language;
    public String signIn_title;
    public String signIn_intro;
    public String signIn_username;
    public String signIn_password;
    public String signIn_button;
    public String signIn_cancel;
    public String signIn_missing;
    public String signIn_noConnector;
    public String operator_none;
    public String operator_signedIn;

    public String wizard_title;
    public String wizard_identityTitle;
    public String wizard_identityIntro;
    public String wizard_byCode;
    public String wizard_code;
    public String wizard_assisted;
    public String wizard_tckn;
    public String wizard_document;
    public String wizard_codeDigitsOnly;
    public String wizard_codeLength;
    public String wizard_tcknInvalid;
    public String wizard_cardTitle;
    public String wizard_cardIntro;
    public String wizard_citizen;
    public String wizard_columnChoice;
    public String wizard_choosable;
    public String wizard_notThisCitizen;
    public String wizard_unreadable;
    public String wizard_cardNotSelectable;
    public String wizard_pinTitle;
    public String wizard_pinIntro;
    public String wizard_pinNew;
    public String wizard_pinAgain;
    public String wizard_pinScrambled;
    public String pinRule_length;
    public String pinRule_digits;
    public String pinRule_mismatch;
    public String pinRule_repeated;
    public String pinRule_sequence;
    public String pinRule_tckn;
    public String pinRule_birthDate;
    public String wizard_smsTitle;
    public String wizard_smsCode;
    public String wizard_smsResend;
    public String wizard_smsSent;
    public String wizard_smsWait;
    public String wizard_smsCountdown;
    public String wizard_refreshReaders;
    public String wizard_writeTitle;
    public String wizard_writeIntro;
    public String wizard_writeTask;
    public String wizard_stepChallenge;
    public String wizard_stepAuthorization;
    public String wizard_stepWrite;
    public String wizard_stepReport;
    public String wizard_retry;
    public String wizard_retryHint;
    public String wizard_cardRemoved;
    public String wizard_cardsBusy;
    public String wizard_authorizationRejected;
    public String wizard_cardError;
    public String wizard_notReported;
    public String wizard_doneTitle;
    public String wizard_done;
    public String wizard_sessionCountdown;
    public String wizard_sessionExpired;
    public String wizard_back;
    public String wizard_next;
    public String wizard_finish;
    public String wizard_cancel;
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
    public String eonay_wrongPin;
    public String eonay_pinBlocked;
    public String eonay_noCertificate;
    public String eonay_given;
    public String eonay_withdrawn;
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
    public String keypad_clear;
    public String keypad_back;

    public String about_title;
    public String about_intro;
    public String about_columnBundle;
    public String about_columnVersion;
    public String about_columnState;

    public String bundleState_active;
    public String bundleState_resolved;
    public String bundleState_starting;
    public String bundleState_stopping;
    public String bundleState_installed;

    /** A refused driver update in the language the workstation shows. */
    public String problem(org.regdesk.updates.UpdateException.Problem problem) {
        return "tr".equals(language) ? problem.turkish() : problem.english();
    }

    /** A step of a driver update. */
    public String step(org.regdesk.updates.DriverUpdates.Step step) {
        return switch (step) {
        case CONTACTING_REPOSITORY -> updates_step_CONTACTING_REPOSITORY;
        case PLANNING -> updates_step_PLANNING;
        case DOWNLOADING -> updates_step_DOWNLOADING;
        case VERIFYING_SIGNATURES -> updates_step_VERIFYING_SIGNATURES;
        case WAITING_FOR_CARDS -> updates_step_WAITING_FOR_CARDS;
        case INSTALLING -> updates_step_INSTALLING;
        case STARTING_DRIVER -> updates_step_STARTING_DRIVER;
        };
    }

    /** A backend refusal in the language the workstation shows: the server sends both. */
    public String refusal(org.regdesk.backend.api.RegistryException error) {
        return "tr".equals(language) ? error.messageTr() : error.messageEn();
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** A day as the desk shows it (dd.MM.yyyy, local time); empty for none. */
    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    /** A moment as the desk shows it (dd.MM.yyyy HH:mm:ss, local time); empty for none. */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** What is left until {@code end}, as mm:ss, never below 00:00. */
    public static String timeLeft(Instant end) {
        long left = Math.max(0, Duration.between(Instant.now(), end).toSeconds());
        return String.format("%02d:%02d", left / 60, left % 60);
    }

    /** Fills {@code {0}}-style placeholders of a message. */
    public static String format(String pattern, Object... arguments) {
        return MessageFormat.format(pattern, arguments);
    }
}
