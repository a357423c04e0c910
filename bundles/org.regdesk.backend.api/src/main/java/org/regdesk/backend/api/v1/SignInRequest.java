package org.regdesk.backend.api.v1;

/** POST /api/v1/operators/sign-in, from a desk that presented its certificate. */
public record SignInRequest(String username, String password) {
    @Override
    public String toString() {
        return "SignInRequest[username=" + username + ", password=***]";
    }
}
