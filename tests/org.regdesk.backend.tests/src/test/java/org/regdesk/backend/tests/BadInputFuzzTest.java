package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.client.internal.HttpRegistryConnector;
import org.regdesk.server.store.CardRecord;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.DemoData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Generated bad input at every endpoint: broken and mistyped JSON, every field replaced by every wrong
 * kind of value, oversized bodies, wrong content types, garbage path ids, missing or forged tokens,
 * replays, and seeded random mutations of valid bodies. Nothing may answer 5xx, and every refusal must be
 * a machine-readable error with a Turkish and an English message. The server must stay healthy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 20261126L;

    private TestBackend backend;
    private HttpClient desk;
    private String token;
    private String sessionId;
    private String eOnaySessionId;
    private String certificatesSessionId;
    private String certificateSerial;

    private record Endpoint(String method, String path, Map<String, Object> validBody) {
    }

    @BeforeAll
    void start() throws Exception {
        Path data = Files.createTempDirectory("regdesk-fuzz");
        backend = new TestBackend(data, TestDatabase.H2);
        desk = HttpClient.newBuilder().sslContext(backend.deskTls("DESK-006")).connectTimeout(Duration.ofSeconds(5)).build();
        freshContext();
    }

    /** Past every rate-limit window, a new sign-in and a new open session. */
    private void freshContext() throws Exception {
        backend.clock.advance(Duration.ofMinutes(11));
        HttpRegistryConnector connector = backend.desk("DESK-006");
        token = connector.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray()).token();
        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
        DeskSession session = connector.openSession(new OpenSessionRequest("PIN_UNBLOCK",
                backend.registry.issueCode(citizen.tckn(), "PIN_UNBLOCK").orElseThrow().digits(), null, null));
        sessionId = session.sessionId();
        Citizen consenting = backend.newCitizen(CardRecord.REFERENCE);
        eOnaySessionId = connector.openSession(new OpenSessionRequest("E_ONAY",
                backend.registry.issueCode(consenting.tckn(), "E_ONAY").orElseThrow().digits(), null, null)).sessionId();
        // past the SMS step, so that the fuzz reaches the certificate actions themselves
        Citizen holder = backend.newCitizen(CardRecord.REFERENCE);
        certificateSerial = backend.issueQualified(holder.fullName(), holder.tckn(), TestBackend.cardOf(holder, CardRecord.REFERENCE),
                org.regdesk.card.reference.TestPki.KeyType.EC_P256).getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
        certificatesSessionId = connector.openSession(new OpenSessionRequest("CERTIFICATE_STATUS",
                backend.registry.issueCode(holder.tckn(), "CERTIFICATE_STATUS").orElseThrow().digits(), null, null)).sessionId();
        connector.sendOtp(certificatesSessionId);
        connector.verifyOtp(certificatesSessionId, backend.lastOtp(holder.phone()));
    }

    @AfterAll
    void stop() throws Exception {
        backend.close();
    }

    private List<Endpoint> endpoints() {
        String session = "/api/v1/desk-sessions/" + sessionId;
        String eOnay = "/api/v1/desk-sessions/" + eOnaySessionId + "/e-onay";
        String certificate = "/api/v1/desk-sessions/" + certificatesSessionId + "/certificates/" + certificateSerial;
        return List.of(
                new Endpoint("POST", "/api/v1/operators/sign-in", body("username", "operator1", "password", "x")),
                new Endpoint("POST", "/api/v1/operators/sign-out", Map.of()),
                new Endpoint("POST", "/api/v1/desk-sessions", body("purpose", "PIN_UNBLOCK", "verificationCode", "123456789012345",
                        "tckn", null, "idDocumentNumber", null)),
                new Endpoint("GET", session, null),
                new Endpoint("POST", session + "/otp", Map.of()),
                new Endpoint("POST", session + "/otp/verify", body("code", "123456")),
                new Endpoint("POST", session + "/unblock-authorization", body("cardSerial", "RD1", "challenge", "00".repeat(16))),
                new Endpoint("POST", session + "/complete", body("authorizationId", "00000000-0000-0000-0000-000000000000",
                        "outcome", "SUCCEEDED", "reason", null)),
                new Endpoint("POST", session + "/abort", Map.of()),
                new Endpoint("GET", eOnay, null),
                new Endpoint("GET", eOnay + "/text/CONSENT", null),
                new Endpoint("POST", eOnay, body("kind", "CONSENT", "textVersion", 1, "signature", "MIIB", "readAt",
                        backend.clock.instant().toString())),
                new Endpoint("POST", "/api/v1/certificate-applications", body("sessionId", eOnaySessionId, "kind", "NEW")),
                new Endpoint("GET", "/api/v1/certificate-applications", null),
                new Endpoint("GET", "/api/v1/audit/check", null),
                new Endpoint("GET", "/api/v1/audit/export", null),
                new Endpoint("GET", "/api/v1/desk-sessions/" + certificatesSessionId + "/certificates", null),
                new Endpoint("POST", certificate + "/suspend", Map.of()),
                new Endpoint("POST", certificate + "/resume", Map.of()),
                new Endpoint("POST", certificate + "/revoke", body("reason", "KEY_COMPROMISE", "confirmSerial", certificateSerial)),
                new Endpoint("POST", "/api/v1/desk-sessions/" + certificatesSessionId + "/certificates/done", Map.of()),
                new Endpoint("POST", "/ocsp", null),
                new Endpoint("GET", "/ocsp/MEIwQDA%2BMDwwOjAJBgUrDgMCGgUABBQ", null),
                new Endpoint("GET", "/crl/regdesk-test-ca.crl", null),
                new Endpoint("GET", "/ca/regdesk-test-ca.crt", null),
                new Endpoint("GET", "/portal/status", null),
                new Endpoint("POST", "/portal/sign-in", null),
                new Endpoint("POST", "/portal/pin/code", null),
                new Endpoint("POST", "/portal/sertifikalarim/suspend", null));
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    /** Values of every wrong kind for a field. */
    private static List<Object> wrongValues() {
        return java.util.Arrays.asList(null, 0, -1, Long.MAX_VALUE, 1.5e308, true, List.of(), List.of("a"), Map.of(),
                Map.of("x", 1), "", " ", "x".repeat(5000), "١٢٣٤٥٦", "\u0000\u0001", "<script>alert(1)</script>",
                "' OR '1'='1", "../../etc/passwd", "%00", "\uD83D\uDE00".repeat(100), "12345678901234567890");
    }

    @Test
    void noGeneratedBadInputGetsA5xxAndEveryRefusalIsMachineReadableInBothLanguages() throws Exception {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        for (int index = 0; index < endpoints().size(); index++) {
            freshContext(); // each endpoint gets a live token and session, whatever the previous one's fuzz did
            Endpoint endpoint = endpoints().get(index);
            List<Object[]> cases = new ArrayList<>(); // {content type, body bytes, token}
            byte[] valid = endpoint.validBody() == null ? new byte[0] : JSON.writeValueAsBytes(endpoint.validBody());
            cases.add(new Object[] { "application/json", new byte[0], token });
            cases.add(new Object[] { "text/plain", valid, token });
            cases.add(new Object[] { "application/json", valid, null });
            cases.add(new Object[] { "application/json", valid, "forged-token" });
            cases.add(new Object[] { "application/json", "x".repeat(20_000).getBytes(), token });
            for (String broken : List.of("{", "}", "[]", "[1,2]", "null", "42", "\"text\"", "{\"a\":}", "{'a':1}",
                    "{\"username\":\"a\",\"username\":\"b\"}", "{} trailing", "\u00ff\u00fe", "{\"a\":1e999999}")) {
                cases.add(new Object[] { "application/json", broken.getBytes(StandardCharsets.UTF_8), token });
            }
            if (endpoint.validBody() != null && !endpoint.validBody().isEmpty()) {
                Map<String, Object> unknown = new LinkedHashMap<>(endpoint.validBody());
                unknown.put("admin", true);
                cases.add(new Object[] { "application/json", JSON.writeValueAsBytes(unknown), token });
                for (String field : endpoint.validBody().keySet()) {
                    for (Object wrong : wrongValues()) {
                        Map<String, Object> mutated = new LinkedHashMap<>(endpoint.validBody());
                        mutated.put(field, wrong);
                        cases.add(new Object[] { "application/json", JSON.writeValueAsBytes(mutated), token });
                    }
                }
                for (int i = 0; i < 40; i++) {
                    byte[] mutated = valid.clone();
                    for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
                    }
                    cases.add(new Object[] { "application/json", mutated, token });
                }
            }
            for (Object[] c : cases) {
                sent++;
                HttpResponse<String> response;
                try {
                    response = send(endpoint.method(), endpoint.path(), (String) c[0], (byte[]) c[1], (String) c[2]);
                } catch (java.io.IOException e) {
                    failures.add(endpoint.method() + " " + endpoint.path() + " body " + ((byte[]) c[1]).length + " bytes -> no answer: " + e);
                    continue;
                }
                statuses.merge(response.statusCode(), 1, Integer::sum);
                check(endpoint.method() + " " + endpoint.path(), response, failures);
            }
        }
        freshContext();
        for (String path : List.of("/api/v1/desk-sessions/..%2F..%2Fetc", "/api/v1/desk-sessions/" + "9".repeat(3000),
                "/api/v1/desk-sessions/%00/otp", "/api/v1/desk-sessions/%C3%A7%C3%A7/complete", "/api/v2/desk-sessions",
                "/api/v1/", "/portal/assets/..%2F..%2Fetc%2Fpasswd", "/portal/assets/portal.exe", "/ocsp/%25ZZ", "/ocsp/..%2F..%2Fetc",
                "/crl/..%2F..%2Fetc%2Fpasswd", "/ca/%2e%2e", "/portal/sertifikalarim/..%2F..%2Fhome",
                "/api/v1/desk-sessions/" + certificatesSessionId + "/certificates/%2F/revoke")) {
            for (String method : List.of("GET", "POST", "DELETE", "PUT")) {
                sent++;
                HttpResponse<String> response;
                try {
                    // a fresh connection each: Jetty rightly closes one whose request line it could not parse
                    desk = HttpClient.newBuilder().sslContext(backend.deskTls("DESK-006")).build();
                    response = send(method, path, "application/json", new byte[0], token);
                } catch (java.io.IOException e) {
                    failures.add(method + " " + path.substring(0, Math.min(60, path.length())) + " -> no answer: " + e);
                    continue;
                }
                statuses.merge(response.statusCode(), 1, Integer::sum);
                check(method + " " + path.substring(0, Math.min(60, path.length())), response, failures);
            }
        }
        System.out.printf("bad-input fuzz: %d requests, status counts %s, seed %d%n", sent, statuses, SEED);
        assertTrue(failures.isEmpty(), failures.size() + " bad answers, first: " + failures.subList(0, Math.min(5, failures.size())));
        assertEquals(200, send("GET", "/health", "application/json", new byte[0], null).statusCode(), "still healthy");
    }

    private void check(String what, HttpResponse<String> response, List<String> failures) {
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(what + " -> " + status + " " + response.body());
            return;
        }
        boolean page = what.contains(" /portal/") && !what.contains("/portal/status")
                && response.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
        if (status >= 400 && page) {
            if (!response.body().contains("role=\"alert\"") && status != 404) {
                failures.add(what + " -> " + status + " page without a visible error");
            }
        } else if (status >= 400) {
            try {
                JsonNode problem = JSON.readTree(response.body());
                String code = problem.path("code").asText();
                if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                        || problem.path("status").asInt() != status || problem.path("title").asText().isBlank()
                        || what.contains(" /api/") && (!DeskRefusalTexts.TURKISH.knows(code) || !DeskRefusalTexts.ENGLISH.knows(code))) {
                    failures.add(what + " -> " + status + " not a problem the desk can say in Turkish and English: "
                            + response.body());
                }
            } catch (Exception notJson) {
                failures.add(what + " -> " + status + " not JSON: " + response.body());
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String contentType, byte[] body, String bearer)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.base.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", contentType)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return desk.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void replayedRequestsAreRefusedNotRepeated() throws Exception {
        HttpRegistryConnector connector = backend.desk("DESK-005");
        connector.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
        String code = backend.registry.issueCode(citizen.tckn(), "PIN_UNBLOCK").orElseThrow().digits();
        byte[] open = JSON.writeValueAsBytes(body("purpose", "PIN_UNBLOCK", "verificationCode", code));
        HttpClient client = HttpClient.newBuilder().sslContext(backend.deskTls("DESK-005")).build();
        String bearer = token(connector);
        HttpResponse<String> first = client.send(post("/api/v1/desk-sessions", open, bearer), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> replay = client.send(post("/api/v1/desk-sessions", open, bearer), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(409, replay.statusCode());
        assertEquals("CODE_ALREADY_USED", JSON.readTree(replay.body()).path("code").asText());
    }

    private String token(HttpRegistryConnector connector) throws Exception {
        java.lang.reflect.Field field = HttpRegistryConnector.class.getDeclaredField("token");
        field.setAccessible(true);
        return (String) field.get(connector);
    }

    private HttpRequest post(String path, byte[] body, String bearer) {
        return HttpRequest.newBuilder(URI.create(backend.base.toString().replaceAll("/$", "") + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }
}
