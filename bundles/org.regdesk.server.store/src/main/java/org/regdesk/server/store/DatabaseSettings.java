package org.regdesk.server.store;

import java.util.Objects;

/**
 * Where the registry database is. {@code jdbc:h2:file:...} (embedded, the default) or
 * {@code jdbc:postgresql://host/db}; the password is kept as chars so it can be wiped.
 */
public record DatabaseSettings(String url, String user, char[] password, int maxConnections) {

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Only H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql:...) are supported, "
                    + "not " + url.replaceAll("password=[^&;]*", "password=***"));
        }
        if (maxConnections < 1 || maxConnections > 500) {
            throw new IllegalArgumentException("maxConnections must be 1-500, was " + maxConnections);
        }
    }

    /** The embedded default: a file database in the server's data folder, in PostgreSQL mode. */
    public static DatabaseSettings embedded(java.nio.file.Path dataDirectory) {
        return new DatabaseSettings("jdbc:h2:file:" + dataDirectory.resolve("db").resolve("registry").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "regdesk", new char[0], 32);
    }

    public boolean postgresql() {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=***, maxConnections=" + maxConnections + "]";
    }
}
