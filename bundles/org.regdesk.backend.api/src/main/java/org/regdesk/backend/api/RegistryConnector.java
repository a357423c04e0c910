package org.regdesk.backend.api;

import java.util.HexFormat;

import org.regdesk.backend.api.v1.CompletionRequest;
import org.regdesk.backend.api.v1.CertificateApplication;
import org.regdesk.backend.api.v1.CertificateApplicationRequest;
import org.regdesk.backend.api.v1.ConsentText;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.EOnayRecorded;
import org.regdesk.backend.api.v1.EOnayStatus;
import org.regdesk.backend.api.v1.EOnaySubmission;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.backend.api.v1.OtpSent;
import org.regdesk.backend.api.v1.SessionState;
import org.regdesk.backend.api.v1.UnblockAuthorizationGrant;

/**
 * The workstation's way to its registry backend. RegDesk's own connector talks to regdesk-server over
 * mutual TLS; a CA with its own backend registers another implementation of this service. Every call
 * acts as the desk (its certificate) and, after {@link #signIn}, as the signed-in operator.
 */
public interface RegistryConnector {

    OperatorSignedIn signIn(String username, char[] password) throws RegistryException;

    void signOut();

    /** With the citizen's code, or (assisted) the TCKN and ID document the operator checked. */
    DeskSession openSession(OpenSessionRequest request) throws RegistryException;

    DeskSession session(String sessionId) throws RegistryException;

    OtpSent sendOtp(String sessionId) throws RegistryException;

    SessionState verifyOtp(String sessionId, String code) throws RegistryException;

    UnblockAuthorizationGrant authorizeUnblock(String sessionId, String cardSerial, byte[] challenge)
            throws RegistryException;

    SessionState complete(String sessionId, CompletionRequest completion) throws RegistryException;

    /** Ends an open session without a card write (the citizen left, the operator cancelled). */
    SessionState abort(String sessionId) throws RegistryException;

    /** The citizen's E-Onay status, for a session opened for E_ONAY. */
    EOnayStatus eOnayStatus(String sessionId) throws RegistryException;

    /** The current text of {@code kind} (CONSENT or WITHDRAWAL); the registry notes that it was shown. */
    ConsentText consentText(String sessionId, String kind) throws RegistryException;

    /** Sends a signed consent or withdrawal; the registry verifies it before recording it. */
    EOnayRecorded submitEOnay(String sessionId, EOnaySubmission submission) throws RegistryException;

    /** A certificate application that rests on the citizen's E-Onay. */
    CertificateApplication applyForCertificate(CertificateApplicationRequest request) throws RegistryException;

    /** The production queue of E-Onay-backed applications, the soonest ready first. */
    java.util.List<CertificateApplication> certificateApplications() throws RegistryException;

    /** Hex as the API carries binary values. */
    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
