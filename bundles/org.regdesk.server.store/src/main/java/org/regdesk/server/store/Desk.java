package org.regdesk.server.store;

/** A service desk; its id is the CN of the desk certificate its workstation presents. */
public record Desk(String id, String name, String location, boolean active) {
}
