package org.regdesk.backend.api;

/** What a verification code allows at the desk; a code for one purpose never works for the other. */
public enum Purpose {
    PIN_UNBLOCK, E_ONAY
}
