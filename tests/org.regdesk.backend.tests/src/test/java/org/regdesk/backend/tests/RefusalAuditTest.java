package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.client.internal.HttpRegistryConnector;
import org.regdesk.server.audit.internal.AuditRecord;
import org.regdesk.server.store.DemoData;

/** Every refused request leaves one audit record, whatever refused it; a mistyped user name leaves none. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalAuditTest {

    private TestBackend backend;

    @BeforeAll
    void start() throws Exception {
        backend = new TestBackend(Files.createTempDirectory("regdesk-refusal-audit"), TestDatabase.H2);
    }

    @AfterAll
    void stop() throws Exception {
        backend.close();
    }

    private List<AuditRecord> refusals(String code) {
        return backend.auditRecords().stream()
                .filter(record -> record.action().equals("DESK_REFUSAL") && record.outcome().equals(code)).toList();
    }

    @Test
    void refusalsByTheCoreAndByAnOperationAreAuditedOnceWithWhoAndWhere() throws Exception {
        HttpRegistryConnector anonymous = backend.desk("DESK-003");
        RegistryApiContract.refused("SIGN_IN_REQUIRED", () -> anonymous.openSession(new OpenSessionRequest("PIN_UNBLOCK",
                "123456789012345", null, null)));
        AuditRecord notSignedIn = refusals("SIGN_IN_REQUIRED").getLast();
        assertEquals("-", notSignedIn.operator());
        assertEquals("DESK-003", notSignedIn.desk());
        assertEquals("/api/v1/desk-sessions", notSignedIn.details().get("path"));

        HttpRegistryConnector auditor = backend.desk("DESK-004");
        auditor.signIn("auditor1", DemoData.OPERATOR_PASSWORD.toCharArray());
        int before = refusals("ROLE_NOT_ALLOWED").size();
        RegistryApiContract.refused("ROLE_NOT_ALLOWED", () -> auditor.openSession(new OpenSessionRequest("PIN_UNBLOCK",
                "123456789012345", null, null)));
        assertEquals(before + 1, refusals("ROLE_NOT_ALLOWED").size());
        assertEquals("auditor1", refusals("ROLE_NOT_ALLOWED").getLast().operator());

        HttpRegistryConnector operator = backend.desk("DESK-005");
        operator.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
        String nobody = "00000000-0000-0000-0000-000000000000";
        org.regdesk.backend.api.RegistryException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.regdesk.backend.api.RegistryException.class, () -> operator.authorizeUnblock(nobody, "RD0000000000", new byte[16]));
        AuditRecord byOperation = refusals(refused.code()).getLast();
        assertEquals("operator1", byOperation.operator());
        assertTrue(byOperation.details().get("path").endsWith("/unblock-authorization"), byOperation.toString());
    }

    @Test
    void aMistypedUserNameIsNeverRecorded() throws Exception {
        String typed = "Gizli-Parola-42";
        RegistryApiContract.refused("WRONG_CREDENTIALS", () -> backend.desk("DESK-006").signIn(typed, "x".toCharArray()));
        assertTrue(backend.auditRecords().stream().noneMatch(record -> record.toString().contains(typed)),
                "the typed name (often a password in the wrong field) is nowhere in the trail");
        assertEquals("-", refusals("WRONG_CREDENTIALS").getLast().operator());
    }

    @Test
    void aPortalFormWithoutTheSessionsCsrfTokenIsRefusedAndAudited() throws Exception {
        HttpClient browser = HttpClient.newBuilder().sslContext(backend.deskTls("DESK-001")).build();
        String form = "tckn=" + DemoData.ZEYNEP.value() + "&password=" + URLEncoder.encode(DemoData.PORTAL_PASSWORD,
                StandardCharsets.UTF_8);
        HttpResponse<Void> signedIn = browser.send(HttpRequest.newBuilder(backend.base.resolve("/portal/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(backend.base + "portal/pin/code"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=forged")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode(), forged.body());
        AuditRecord record = backend.auditRecords().stream().filter(r -> r.action().equals("PORTAL_CSRF")).reduce((a, b) -> b)
                .orElseThrow();
        assertEquals(DemoData.ZEYNEP.masked(), record.details().get("citizen"));
    }

    /** Refusals made before any route runs: no desk certificate at all, a body that is not JSON, a wrong method. */
    @Test
    void refusalsBeforeAnyRouteRunsAreAuditedWithTheCallersAddress() throws Exception {
        HttpClient noCertificate = HttpClient.newBuilder().sslContext(org.regdesk.backend.client.internal.PinnedTrust.sslContext(
                backend.serverCertificate())).build();
        HttpResponse<String> anonymous = noCertificate.send(HttpRequest.newBuilder(URI.create(backend.base + "api/v1/operators/sign-in"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        AuditRecord noDesk = refusals("DESK_CERTIFICATE_REQUIRED").getLast();
        assertEquals("-", noDesk.desk());
        assertEquals("127.0.0.1", noDesk.details().get("address"));
        assertEquals("/api/v1/operators/sign-in", noDesk.details().get("path"));

        HttpClient desk = HttpClient.newBuilder().sslContext(backend.deskTls("DESK-002")).build();
        HttpResponse<String> malformed = desk.send(HttpRequest.newBuilder(URI.create(backend.base + "api/v1/operators/sign-in"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"username\": ")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, malformed.statusCode());
        AuditRecord badBody = backend.auditRecords().getLast();
        assertEquals("DESK_REFUSAL", badBody.action());
        assertEquals("DESK-002", badBody.desk(), "the desk its certificate names");
        assertEquals("400", badBody.details().get("status"));

        HttpResponse<String> wrongMethod = desk.send(HttpRequest.newBuilder(URI.create(backend.base + "api/v1/operators/sign-in"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("METHOD_NOT_ALLOWED", backend.auditRecords().getLast().outcome());
    }
}
