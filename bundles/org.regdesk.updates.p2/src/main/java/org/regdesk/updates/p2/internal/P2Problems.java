package org.regdesk.updates.p2.internal;

import java.util.Locale;

import org.eclipse.core.runtime.IStatus;
import org.regdesk.updates.UpdateException;
import org.regdesk.updates.UpdateException.Problem;

/** Turns a failed p2 status into the problem the operator is told; the whole status goes to the log. */
final class P2Problems {

    private P2Problems() {
    }

    static void check(IStatus status) throws UpdateException {
        if (status.isOK() || status.getSeverity() == IStatus.INFO || status.getSeverity() == IStatus.WARNING) {
            return;
        }
        throw new UpdateException(problem(status), describe(status), status.getException());
    }

    static Problem problem(IStatus status) {
        String all = describe(status).toLowerCase(Locale.ROOT);
        if (all.contains("unsigned")) {
            return Problem.UNSIGNED;
        }
        if (all.contains("certificate") || all.contains("pgp key") || all.contains("untrusted")) {
            return Problem.UNTRUSTED;
        }
        if (all.contains("checksum") || all.contains("digest") || all.contains("invalid content") || all.contains("md5")
                || all.contains("sha-256")) {
            return Problem.TAMPERED;
        }
        if (all.contains("unable to read repository") || all.contains("no repository found") || all.contains("unable to connect")
                || all.contains("artifact not found") || all.contains("connection")) {
            return Problem.REPOSITORY_UNREACHABLE;
        }
        return Problem.FAILED;
    }

    /** Every message in the status tree, for the log and the exception detail. */
    static String describe(IStatus status) {
        StringBuilder text = new StringBuilder();
        append(status, text);
        return text.toString();
    }

    private static void append(IStatus status, StringBuilder text) {
        if (status.getMessage() != null && !status.getMessage().isBlank()) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(status.getMessage());
        }
        if (status.getException() != null && status.getException().getMessage() != null) {
            text.append(" (").append(status.getException().getMessage()).append(')');
        }
        for (IStatus child : status.getChildren()) {
            append(child, text);
        }
    }
}
