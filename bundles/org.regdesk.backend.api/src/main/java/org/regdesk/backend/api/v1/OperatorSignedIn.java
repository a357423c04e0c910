package org.regdesk.backend.api.v1;

import java.time.Instant;

/** The bearer token for later calls; it only works from the desk that signed in. */
public record OperatorSignedIn(String token, String username, String displayName, String role, String desk,
        Instant expiresAt) {
    @Override
    public String toString() {
        return "OperatorSignedIn[token=***, username=" + username + ", role=" + role + ", desk=" + desk + "]";
    }
}
