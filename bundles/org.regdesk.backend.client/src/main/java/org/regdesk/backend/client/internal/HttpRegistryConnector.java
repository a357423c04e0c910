package org.regdesk.backend.client.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import org.regdesk.backend.api.RegistryConnector;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.desk.DeskApi;
import org.regdesk.backend.api.v1.Problem;
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
import org.regdesk.backend.api.v1.OtpVerifyRequest;
import org.regdesk.backend.api.v1.SessionState;
import org.regdesk.backend.api.v1.CardSignInChallenge;
import org.regdesk.backend.api.v1.CardSignInRequest;
import org.regdesk.backend.api.v1.SignInRequest;
import org.regdesk.backend.api.v1.UnblockAuthorizationGrant;
import org.regdesk.backend.api.v1.UnblockAuthorizationRequest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * RegDesk's connector to regdesk-server: the registry API v1 over HTTPS with the desk's certificate
 * (mutual TLS) and the operator's bearer token. Failures come back as {@link RegistryException} with the
 * server's code and both messages, or UNREACHABLE / UNTRUSTED / PROTOCOL when no usable answer came.
 */
public class HttpRegistryConnector implements RegistryConnector, DeskApi {

    /** Lenient on input: a newer server may add fields. */
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final URI base;
    private final HttpClient client;
    private final Duration timeout;
    private volatile String token;

    public HttpRegistryConnector(URI base, SSLContext tls, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().sslContext(tls).connectTimeout(timeout).build();
    }

    @Override
    public OperatorSignedIn signIn(String username, char[] password) throws RegistryException {
        OperatorSignedIn signedIn = post("operators/sign-in", new SignInRequest(username, new String(password)),
                OperatorSignedIn.class);
        token = signedIn.token();
        return signedIn;
    }

    @Override
    public CardSignInChallenge cardSignInChallenge() throws RegistryException {
        return post("operators/sign-in/challenge", Map.of(), CardSignInChallenge.class);
    }

    @Override
    public OperatorSignedIn signInWithCard(CardSignInRequest request) throws RegistryException {
        OperatorSignedIn signedIn = post("operators/sign-in/card", request, OperatorSignedIn.class);
        token = signedIn.token();
        return signedIn;
    }

    @Override
    public void signOut() {
        if (token != null) {
            try {
                post("operators/sign-out", Map.of(), Map.class);
            } catch (RegistryException ignored) {
                // the token expires on its own; signing out locally is what matters to the operator
            }
            token = null;
        }
    }

    @Override
    public DeskSession openSession(OpenSessionRequest request) throws RegistryException {
        return post("desk-sessions", request, DeskSession.class);
    }

    @Override
    public DeskSession session(String sessionId) throws RegistryException {
        return send(HttpRequest.newBuilder(uri("desk-sessions/" + sessionId)).GET(), DeskSession.class);
    }

    @Override
    public OtpSent sendOtp(String sessionId) throws RegistryException {
        return post("desk-sessions/" + sessionId + "/otp", Map.of(), OtpSent.class);
    }

    @Override
    public SessionState verifyOtp(String sessionId, String code) throws RegistryException {
        return post("desk-sessions/" + sessionId + "/otp/verify", new OtpVerifyRequest(code), SessionState.class);
    }

    @Override
    public UnblockAuthorizationGrant authorizeUnblock(String sessionId, String cardSerial, byte[] challenge)
            throws RegistryException {
        return post("desk-sessions/" + sessionId + "/unblock-authorization",
                new UnblockAuthorizationRequest(cardSerial, challenge == null ? null : RegistryConnector.hex(challenge)),
                UnblockAuthorizationGrant.class);
    }

    @Override
    public SessionState complete(String sessionId, CompletionRequest completion) throws RegistryException {
        return post("desk-sessions/" + sessionId + "/complete", completion, SessionState.class);
    }

    @Override
    public SessionState abort(String sessionId) throws RegistryException {
        return post("desk-sessions/" + sessionId + "/abort", Map.of(), SessionState.class);
    }

    @Override
    public EOnayStatus eOnayStatus(String sessionId) throws RegistryException {
        return send(HttpRequest.newBuilder(uri("desk-sessions/" + sessionId + "/e-onay")).GET(), EOnayStatus.class);
    }

    @Override
    public ConsentText consentText(String sessionId, String kind) throws RegistryException {
        return send(HttpRequest.newBuilder(uri("desk-sessions/" + sessionId + "/e-onay/text/" + kind)).GET(), ConsentText.class);
    }

    @Override
    public EOnayRecorded submitEOnay(String sessionId, EOnaySubmission submission) throws RegistryException {
        return post("desk-sessions/" + sessionId + "/e-onay", submission, EOnayRecorded.class);
    }

    @Override
    public CertificateApplication applyForCertificate(CertificateApplicationRequest request) throws RegistryException {
        return post("certificate-applications", request, CertificateApplication.class);
    }

    @Override
    public List<CertificateApplication> certificateApplications() throws RegistryException {
        return List.of(send(HttpRequest.newBuilder(uri("certificate-applications")).GET(), CertificateApplication[].class));
    }

    @Override
    public <T> T get(String path, Class<T> type) throws RegistryException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), type);
    }

    /** A path under /api/v1 of this registry, never anywhere else (an operation's path is data). */
    private URI uri(String path) {
        if (!path.matches("[A-Za-z0-9_~.-]+(/[A-Za-z0-9_~.-]+)*") || path.contains("..")) {
            throw new IllegalArgumentException("not a desk API path: " + path);
        }
        return base.resolve("api/v1/" + path);
    }

    @Override
    public <T> T post(String path, Object body, Class<T> type) throws RegistryException {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write request body", e);
        }
        // one key for the step, the same on every repeat: the server runs the step once and answers repeats alike
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)), type);
    }

    /**
     * Pauses before repeating a request whose connection broke before an answer came (a server node died,
     * a load balancer moved the desk): the balancer has taken a dead node out within about a second.
     */
    private static final long[] REPEAT_AFTER_MILLIS = { 250, 1_000, 2_000 };

    private <T> T send(HttpRequest.Builder request, Class<T> type) throws RegistryException {
        request.timeout(timeout).header("Accept", "application/json, application/problem+json");
        String bearer = token;
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpRequest built = request.build();
        HttpResponse<byte[]> response = null;
        for (int attempt = 0; response == null; attempt++) {
            try {
                response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 409 && attempt < REPEAT_AFTER_MILLIS.length
                        && new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).contains("\"REQUEST_IN_PROGRESS\"")) {
                    // an earlier try of this very step is still running on the server: its answer comes next time
                    response = null;
                    pause(REPEAT_AFTER_MILLIS[attempt]);
                }
            } catch (HttpTimeoutException e) {
                // the server may still be working on it: the operator decides whether to try again
                throw unreachable(e);
            } catch (IOException e) {
                if (!brokenConnection(e)) {
                    throw untrusted(e);
                }
                if (attempt == REPEAT_AFTER_MILLIS.length) {
                    throw unreachable(e);
                }
                pause(REPEAT_AFTER_MILLIS[attempt]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unreachable(e);
            }
        }
        try {
            if (response.statusCode() / 100 == 2) {
                return JSON.readValue(response.body(), type);
            }
            Problem problem = JSON.readValue(response.body(), Problem.class);
            if (problem.code() == null) {
                throw new IOException("a problem without a code");
            }
            throw new RegistryException(response.statusCode(), problem.code(), problem.title(), problem.params(), null);
        } catch (IOException e) {
            throw new RegistryException(response.statusCode(), "PROTOCOL", "The server sent an answer that could not be read (HTTP "
                    + response.statusCode() + ").", Map.of("status", Integer.toString(response.statusCode())), e);
        }
    }

    /**
     * A connection that broke (also during the TLS handshake, when a server node dies) rather than a
     * certificate that was refused: only the first is worth repeating.
     */
    static boolean brokenConnection(IOException failure) {
        boolean tls = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof javax.crypto.BadPaddingException) {
                // a TLS record cut short ("Insufficient buffer remaining for AEAD cipher fragment"): the connection
                // broke mid-record, e.g. a node killed while answering; no certificate is ever refused this way
                return true;
            }
            if (cause instanceof java.security.GeneralSecurityException || cause instanceof java.security.cert.CertificateException) {
                return false; // PKIX path, pinning, a certificate the other side refused
            }
            if (cause instanceof java.io.EOFException || cause instanceof java.net.SocketException) {
                return true;
            }
            tls |= cause instanceof SSLException;
        }
        String message = String.valueOf(failure.getMessage());
        return !tls || message.contains("terminated the handshake") || message.contains("Connection reset");
    }

    private void pause(long millis) throws RegistryException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
    }

    private RegistryException unreachable(Exception cause) {
        return new RegistryException(0, "UNREACHABLE", "The registry server cannot be reached (" + base.getHost()
                + "). Check the network and try again.", Map.of("host", String.valueOf(base.getHost())), cause);
    }

    private static RegistryException untrusted(Exception cause) {
        return new RegistryException(0, "UNTRUSTED", "The server's or this desk's certificate could not be verified.", Map.of(),
                cause);
    }
}
