package org.regdesk.server.codes.internal;

/** What a verification code allows at the desk; a code for one purpose never works for the other. */
public enum Purpose {
    PIN_UNBLOCK, E_ONAY
}
