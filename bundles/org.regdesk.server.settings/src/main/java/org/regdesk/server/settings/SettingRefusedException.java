package org.regdesk.server.settings;

import java.util.Objects;

/** A setting the server will not start with (or without), named so an administrator knows what to fix. */
public final class SettingRefusedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    public SettingRefusedException(String setting, String problem) {
        super(Objects.requireNonNull(setting, "setting") + ": " + Objects.requireNonNull(problem, "problem"));
        this.setting = setting;
    }

    /** The setting's name as written in its configuration file, e.g. {@code tls.keystore.path}. */
    public String setting() {
        return setting;
    }
}
