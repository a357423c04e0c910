package org.regdesk.backend.api.v1;

/** POST .../otp/verify with the 6 digits the citizen typed. */
public record OtpVerifyRequest(String code) {
    @Override
    public String toString() {
        return "OtpVerifyRequest[***]";
    }
}
