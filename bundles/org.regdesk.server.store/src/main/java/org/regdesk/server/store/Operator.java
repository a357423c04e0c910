package org.regdesk.server.store;

/** An operator account. Roles: OPERATOR serves citizens, SUPERVISOR also assists, AUDITOR only reads. */
public record Operator(String username, String displayName, Role role, String passwordHash, boolean active) {

    public enum Role {
        OPERATOR, SUPERVISOR, AUDITOR
    }

    @Override
    public String toString() {
        return "Operator[" + username + ", " + role + "]";
    }
}
