package org.regdesk.server.store;

import java.util.Objects;

/**
 * The PostgreSQL role that owns the schema, used only to migrate it. The server's everyday role (the one in
 * {@link DatabaseSettings}) then gets what requests need and no more: it may read and add audit records but not
 * change or delete them, and, not owning the table, cannot switch off the trigger that refuses that for everyone.
 */
public record DatabaseOwner(String user, char[] password) {

    public DatabaseOwner {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!user.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database owner role name: " + user);
        }
    }

    /**
     * The owner the settings name ({@code database.owner.user}, its password in {@code database.owner.password.file}),
     * or none when the user is empty.
     */
    public static java.util.Optional<DatabaseOwner> of(String user, String passwordFile) {
        return user.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(new DatabaseOwner(user.strip(),
                org.regdesk.server.settings.SecretFiles.readIfSet("database.owner.password.file", passwordFile).orElse(new char[0])));
    }

    @Override
    public String toString() {
        return "DatabaseOwner[user=" + user + ", password=***]";
    }
}
