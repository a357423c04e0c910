package org.regdesk.ui.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.eclipse.e4.core.services.nls.Message;
import org.osgi.framework.Bundle;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.PinStatus;

/**
 * The desk kit's own text, from this bundle's {@code OSGI-INF/l10n/bundle*.properties} (Turkish in
 * {@code bundle_tr}, English in {@code bundle}): wizard buttons, the identity and result pages, card and
 * PIN states, and refusals. e4 injects a fresh instance when the operator switches language
 * ({@code @Translation DeskMessages}). Field name = property key.
 */
@Message
public class DeskMessages {

    public String language;

    public String identity_title;
    public String identity_intro;
    public String identity_byCode;
    public String identity_code;
    public String identity_codeHint;
    public String identity_assisted;
    public String identity_tckn;
    public String identity_document;
    public String identity_codeDigitsOnly;
    public String identity_codeLength;
    public String identity_tcknInvalid;
    public String identity_opening;

    public String sms_title;
    public String sms_code;
    public String sms_resend;
    public String sms_sent;
    public String sms_wait;
    public String sms_countdown;
    public String sms_sending;
    public String sms_checking;
    public String sms_missing;
    public String sms_callCentre;

    public String result_title;

    public String wizard_back;
    public String wizard_next;
    public String wizard_finish;
    public String wizard_cancel;
    public String wizard_sessionCountdown;
    public String wizard_sessionExpired;
    public String wizard_noConnector;

    public String keypad_clear;
    public String keypad_back;

    public String card_columnReader;
    public String card_columnSerial;
    public String card_columnPin;
    public String card_columnCertificate;
    public String card_none;
    public String pin_ready;
    public String pin_readyUnknown;
    public String pin_finalTry;
    public String pin_blocked;
    public String pin_notSet;

    public String cardProblem_WRONG_PIN;
    public String cardProblem_PIN_BLOCKED;
    public String cardProblem_PIN_NOT_SET;
    public String cardProblem_PIN_NOT_VERIFIED;
    public String cardProblem_PIN_POLICY;
    public String cardProblem_AUTHORIZATION_REJECTED;
    public String cardProblem_CARD_REMOVED;
    public String cardProblem_UNSUPPORTED;
    public String cardProblem_BUSY;
    public String cardProblem_IO;

    public String bundleState_active;
    public String bundleState_resolved;
    public String bundleState_starting;
    public String bundleState_stopping;
    public String bundleState_installed;

    /**
     * A backend refusal in the language the desk shows, by its code: first from the calling operation
     * bundle's {@code OSGI-INF/l10n/refusals*.properties} (its own codes), then from the desk kit's (the
     * common ones); the server's English fallback only for a code nobody here knows yet.
     */
    public String refusal(RegistryException error, Class<?>... operationClasses) {
        Locale locale = "tr".equals(language) ? Locale.forLanguageTag("tr") : Locale.ROOT;
        List<ClassLoader> loaders = new ArrayList<>();
        for (Class<?> owner : operationClasses) {
            loaders.add(owner.getClassLoader());
        }
        loaders.add(DeskMessages.class.getClassLoader());
        String field = error.params().get("field");
        for (ClassLoader loader : loaders) {
            ResourceBundle texts;
            try {
                texts = ResourceBundle.getBundle(REFUSALS, locale, loader, NO_FALLBACK);
            } catch (MissingResourceException none) {
                continue;
            }
            if (field != null && texts.containsKey(error.code() + "." + field)) {
                return texts.getString(error.code() + "." + field);
            }
            if (texts.containsKey(error.code())) {
                return fill(texts.getString(error.code()), error.params(), texts);
            }
        }
        return error.getMessage();
    }

    private static final String REFUSALS = "OSGI-INF.l10n.refusals";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** Fills {name} with the parameter, translated when the file has "name.VALUE" (roles, states). */
    private static String fill(String text, Map<String, String> params, ResourceBundle texts) {
        String filled = text;
        for (Map.Entry<String, String> param : params.entrySet()) {
            String key = param.getKey() + "." + param.getValue();
            String value = texts.containsKey(key) ? texts.getString(key) : param.getValue();
            filled = filled.replace("{" + param.getKey() + "}", value);
        }
        return filled;
    }

    /**
     * A card failure by its reason, never the driver's own (English, technical) text: that goes to the
     * log. A wrong PIN says how many tries are left when the card tells.
     */
    public String card(CardException problem) {
        return switch (problem.reason()) {
        case WRONG_PIN -> DeskFormats.format(cardProblem_WRONG_PIN,
                problem.triesLeft().isPresent() ? String.valueOf(problem.triesLeft().getAsInt()) : "?");
        case PIN_BLOCKED -> cardProblem_PIN_BLOCKED;
        case PIN_NOT_SET -> cardProblem_PIN_NOT_SET;
        case PIN_NOT_VERIFIED -> cardProblem_PIN_NOT_VERIFIED;
        case PIN_POLICY -> cardProblem_PIN_POLICY;
        case AUTHORIZATION_REJECTED -> cardProblem_AUTHORIZATION_REJECTED;
        case CARD_REMOVED -> cardProblem_CARD_REMOVED;
        case UNSUPPORTED -> cardProblem_UNSUPPORTED;
        case BUSY -> cardProblem_BUSY;
        case IO -> cardProblem_IO;
        };
    }

    /** A card's PIN state as the desk shows it; an unknown counter is never shown as a number. */
    public String pin(PinStatus status) {
        return switch (status.state()) {
        case READY -> status.triesLeft().isPresent() ? DeskFormats.format(pin_ready, status.triesLeft().getAsInt()) : pin_readyUnknown;
        case FINAL_TRY -> pin_finalTry;
        case BLOCKED -> pin_blocked;
        case NOT_SET -> pin_notSet;
        };
    }

    /** An OSGi bundle state in words. */
    public String bundleState(int state) {
        return switch (state) {
        case Bundle.ACTIVE -> bundleState_active;
        case Bundle.RESOLVED -> bundleState_resolved;
        case Bundle.STARTING -> bundleState_starting;
        case Bundle.STOPPING -> bundleState_stopping;
        default -> bundleState_installed;
        };
    }
}
