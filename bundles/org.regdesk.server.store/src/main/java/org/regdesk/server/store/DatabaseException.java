package org.regdesk.server.store;

/** The database cannot be used: unreachable, wrong credentials, or a schema this version does not know. */
public final class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
