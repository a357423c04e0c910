package org.regdesk.server.settings;

import java.util.Locale;

/**
 * Whether a server may fall back to what it makes for itself (a self-signed certificate, a development desk CA,
 * a random card master key, the development identity provider, the SMS outbox). Production is the default: a
 * server gets development fallbacks only when its launcher says so ({@code REGDESK_DEMO=true} or
 * {@code REGDESK_MODE=development} set the framework property {@value #PROPERTY}).
 */
public enum ServerMode {
    PRODUCTION,
    DEVELOPMENT;

    /** The framework (or system) property that names the mode. */
    public static final String PROPERTY = "regdesk.mode";

    /** Reads the property's value: absent or blank is production, anything unknown is refused. */
    public static ServerMode from(String value) {
        if (value == null || value.isBlank()) {
            return PRODUCTION;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "production" -> PRODUCTION;
            case "development", "demo" -> DEVELOPMENT;
            default -> throw new SettingRefusedException(PROPERTY, "is '" + value + "'; use production or development");
        };
    }

    public boolean allowsDevelopmentFallbacks() {
        return this == DEVELOPMENT;
    }

    /**
     * The refusal for a setting production needs and development would have made up: thrown in production,
     * nothing in development (the caller then makes its development stand-in).
     */
    public void requireInProduction(String setting, boolean present, String why) {
        if (this == PRODUCTION && !present) {
            throw new SettingRefusedException(setting, why);
        }
    }
}
