package org.regdesk.backend.api;

import java.util.HexFormat;

import org.osgi.annotation.versioning.ProviderType;
import org.regdesk.backend.api.applications.ApplicationsConnector;
import org.regdesk.backend.api.eonay.EOnayConnector;
import org.regdesk.backend.api.session.DeskSessions;
import org.regdesk.backend.api.unblock.UnblockConnector;

/**
 * A whole connector to a registry backend: every role at once. RegDesk's own connector talks to
 * regdesk-server over mutual TLS and is registered under each role interface too; desk operations
 * ask only for the roles they use ({@link DeskSessions} and their own), so a CA can replace one role
 * (say, applications against its own back office) by registering that service with a higher ranking.
 */
@ProviderType
public interface RegistryConnector extends DeskSessions, UnblockConnector, EOnayConnector, ApplicationsConnector {

    /** Hex as the API carries binary values. */
    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
