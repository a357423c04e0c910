package org.regdesk.server.http.internal;

/**
 * The server could not start for a reason the administrator can fix; the message says what and
 * which setting of {@code etc/org.regdesk.server.http.cfg} to change.
 */
public final class ServerStartException extends Exception {

    private static final long serialVersionUID = 1L;

    static final String CONFIG_FILE = "etc/org.regdesk.server.http.cfg";

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
