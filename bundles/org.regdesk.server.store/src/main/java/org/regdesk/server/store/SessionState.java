package org.regdesk.server.store;

/** Where a desk session stands; stored by name. Only OPEN and OTP_VERIFIED sessions take further steps. */
public enum SessionState {
    OPEN, OTP_VERIFIED, COMPLETED, FAILED, ABORTED;

    public boolean open() {
        return this == OPEN || this == OTP_VERIFIED;
    }
}
