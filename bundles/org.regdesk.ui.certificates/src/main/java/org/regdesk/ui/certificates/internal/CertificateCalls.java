package org.regdesk.ui.certificates.internal;

import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.desk.DeskApi;
import org.regdesk.backend.api.v1.SessionState;
import org.regdesk.backend.certificates.CitizenCertificate;
import org.regdesk.backend.certificates.CitizenCertificates;
import org.regdesk.backend.certificates.RevocationRequest;

/**
 * The certificate operation's registry calls over the connector's generic {@link DeskApi}: the paths of
 * {@code org.regdesk.backend.certificates}, so the workstation's connector needs no change for them.
 */
final class CertificateCalls {

    private final DeskApi api;

    CertificateCalls(DeskApi api) {
        this.api = api;
    }

    CitizenCertificates list(String sessionId) throws RegistryException {
        return api.get(base(sessionId), CitizenCertificates.class);
    }

    CitizenCertificate suspend(String sessionId, String serial) throws RegistryException {
        return api.post(base(sessionId) + "/" + serial + "/suspend", null, CitizenCertificate.class);
    }

    CitizenCertificate resume(String sessionId, String serial) throws RegistryException {
        return api.post(base(sessionId) + "/" + serial + "/resume", null, CitizenCertificate.class);
    }

    /** {@code serial} is sent twice (path and confirmation): the server refuses if they differ. */
    CitizenCertificate revoke(String sessionId, String serial, String reason) throws RegistryException {
        return api.post(base(sessionId) + "/" + serial + "/revoke", new RevocationRequest(reason, serial), CitizenCertificate.class);
    }

    /** The operator is done with the citizen: the session ends as completed. */
    SessionState done(String sessionId) throws RegistryException {
        return api.post(base(sessionId) + "/done", null, SessionState.class);
    }

    private static String base(String sessionId) {
        return "desk-sessions/" + sessionId + "/certificates";
    }
}
