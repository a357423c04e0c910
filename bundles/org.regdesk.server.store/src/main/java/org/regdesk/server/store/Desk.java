package org.regdesk.server.store;

/** A service desk; the certificates enrolled for it (desk_certificates) say which workstation it is. */
public record Desk(String id, String name, String location, boolean active) {
}
