package org.regdesk.server.desk;

/**
 * What an audit record says was done. Each bundle names its own actions in an enum implementing this
 * (the core's sessions and sign-in, an operation's steps), so the set is closed per bundle and open to
 * new operations; the name is what the trail stores.
 */
public interface AuditAction {

    String name();
}
