package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.regdesk.server.store.CardRecord;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.DemoData;

/**
 * A desk repeats a step whose answer it lost (a node died, the connection broke) with the same
 * Idempotency-Key: the step runs once and every repeat gets the committed answer, even while the first
 * run is still going (H2 here, PostgreSQL in {@link IdempotentStepsOnPostgresTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotentStepsTest {

    private TestBackend backend;
    private HttpClient desk;
    private String token;

    TestDatabase database() {
        return TestDatabase.H2;
    }

    @BeforeAll
    void start() throws Exception {
        backend = new TestBackend(Files.createTempDirectory("regdesk-idempotent"), database());
        desk = HttpClient.newBuilder().sslContext(backend.deskTls("DESK-003")).build();
        String signedIn = post("/api/v1/operators/sign-in", UUID.randomUUID().toString(),
                "{\"username\":\"operator1\",\"password\":\"" + DemoData.OPERATOR_PASSWORD + "\"}").body();
        token = signedIn.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    @AfterAll
    void stop() throws Exception {
        backend.close();
    }

    private HttpResponse<String> post(String path, String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.base + path.substring(1)))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return desk.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String openSessionBody(Citizen citizen) {
        return "{\"purpose\":\"PIN_UNBLOCK\",\"tckn\":\"" + citizen.tckn().value() + "\",\"idDocumentNumber\":\""
                + citizen.idDocumentNumber() + "\"}";
    }

    @Test
    void aRepeatedStepGetsTheSameAnswerAndRunsOnce() throws Exception {
        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post("/api/v1/desk-sessions", key, openSessionBody(citizen));
        HttpResponse<String> repeat = post("/api/v1/desk-sessions", key, openSessionBody(citizen));
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(first.body(), repeat.body());
        assertEquals("true", repeat.headers().firstValue("Idempotent-Replay").orElse(""));
        assertEquals(1, sessionsOf(citizen), "one session, not two");
        HttpResponse<String> other = post("/api/v1/desk-sessions", UUID.randomUUID().toString(), openSessionBody(citizen));
        assertTrue(!other.body().equals(first.body()), "a new key is a new step");
    }

    @Test
    void fiftyParallelRepeatsOfOneStepOpenOneSession() throws Exception {
        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> post("/api/v1/desk-sessions", key, openSessionBody(citizen))));
            }
            Set<String> bodies = new HashSet<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 201) {
                    bodies.add(response.body());
                } else {
                    bodies.add(response.statusCode() + " " + response.body());
                }
            }
            assertEquals(1, bodies.size(), "every repeat answered alike: " + bodies);
            assertEquals(1, sessionsOf(citizen));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyUsedForAnotherStepIsRefusedAndAMalformedKeyIsABadRequest() throws Exception {
        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
        String key = UUID.randomUUID().toString();
        String session = post("/api/v1/desk-sessions", key, openSessionBody(citizen)).body()
                .replaceAll(".*\"sessionId\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> reused = post("/api/v1/desk-sessions/" + session + "/abort", key, "{}");
        assertEquals(409, reused.statusCode(), reused.body());
        assertTrue(reused.body().contains("IDEMPOTENCY_KEY_REUSED"), reused.body());
        HttpResponse<String> malformed = post("/api/v1/desk-sessions", "short", openSessionBody(citizen));
        assertEquals(400, malformed.statusCode(), malformed.body());
    }

    private int sessionsOf(Citizen citizen) {
        return backend.database.transaction(connection -> {
            try (var select = connection.prepareStatement("SELECT COUNT(*) FROM desk_sessions WHERE citizen = ?")) {
                select.setString(1, citizen.tckn().value());
                try (var rows = select.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }
}
