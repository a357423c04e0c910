package org.regdesk.ui.workstation.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.nls.ILocaleChangeService;

/**
 * Switches the operator text between Turkish and English while the workstation runs; model labels
 * and every {@code @Translation} consumer are updated by e4 in place.
 */
public class SwitchLanguageHandler {

    /** Command parameter holding the language tag, {@code tr} or {@code en}. */
    public static final String LOCALE_PARAMETER = "org.regdesk.ui.workstation.commandparameter.locale";

    @Execute
    public void execute(@Named(LOCALE_PARAMETER) String languageTag, ILocaleChangeService localeChange) {
        localeChange.changeApplicationLocale(languageTag);
    }
}
