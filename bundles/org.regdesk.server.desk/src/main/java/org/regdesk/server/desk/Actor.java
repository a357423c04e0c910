package org.regdesk.server.desk;

import org.regdesk.server.store.Operator;

/** Who makes a request: the signed-in operator at the desk whose certificate the connection presented. */
public record Actor(String operator, Operator.Role role, String desk) {
}
