package org.regdesk.backend.api;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of the latest check of the backend connection.
 *
 * @param address       the backend the workstation talks to
 * @param serverVersion version the backend reported, when it answered
 * @param detail        technical reason for a problem, for the tooltip and the log; never a secret
 */
public record BackendStatus(State state, URI address, Optional<String> serverVersion, Instant checkedAt,
        Optional<String> detail) {

    /** Connection states; the workstation translates each into operator text. */
    public enum State {
        /** No answer yet since start-up. */
        CHECKING,
        /** The backend answered and says it is up. */
        CONNECTED,
        /** No TCP connection or no answer in time: network, firewall or server down. */
        UNREACHABLE,
        /** TLS failed: the server's certificate is not the one this desk trusts. */
        UNTRUSTED,
        /** The backend answered, but with an error or a body that is not a health report. */
        FAILING
    }

    public BackendStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean isConnected() {
        return state == State.CONNECTED;
    }
}
