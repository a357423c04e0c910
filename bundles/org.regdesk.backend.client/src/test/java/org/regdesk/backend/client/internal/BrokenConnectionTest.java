package org.regdesk.backend.client.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.net.SocketException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;

import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

/** Which failures the connector repeats (a connection that broke) and which it reports (a certificate refused). */
class BrokenConnectionTest {

    @Test
    void aConnectionCutShortIsRepeated() {
        assertTrue(HttpRegistryConnector.brokenConnection(handshake("Remote host terminated the handshake", new EOFException())));
        assertTrue(HttpRegistryConnector.brokenConnection(handshake("Broken pipe", new SocketException("Broken pipe"))));
        assertTrue(HttpRegistryConnector.brokenConnection(handshake("Insufficient buffer remaining for AEAD cipher fragment (2)",
                new BadPaddingException("Insufficient buffer remaining for AEAD cipher fragment (2)"))));
        assertTrue(HttpRegistryConnector.brokenConnection(handshake("Tag mismatch", new AEADBadTagException("Tag mismatch"))));
    }

    @Test
    void aRefusedCertificateIsReported() {
        assertFalse(HttpRegistryConnector.brokenConnection(handshake("PKIX path validation failed",
                new CertificateException(new CertPathValidatorException("signature check failed")))));
        assertFalse(HttpRegistryConnector.brokenConnection(handshake("Received fatal alert: bad_certificate", null)));
    }

    private static SSLHandshakeException handshake(String message, Throwable cause) {
        SSLHandshakeException failure = new SSLHandshakeException(message);
        if (cause != null) {
            failure.initCause(cause);
        }
        return failure;
    }
}
