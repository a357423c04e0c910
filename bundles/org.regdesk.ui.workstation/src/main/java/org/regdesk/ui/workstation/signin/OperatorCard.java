package org.regdesk.ui.workstation.signin;

/** The card the signed-in operator signed in with, in the application context while they are signed in. */
public record OperatorCard(String serial) {
}
