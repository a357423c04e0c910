package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.client.internal.HttpRegistryConnector;
import org.regdesk.server.store.CardRecord;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.DemoData;

/**
 * 50 parallel attempts at each limit, released together: the limit counts them before the slow check
 * (password hash, code lookup), so no more than the limit are ever checked. Before, the check came first
 * and the failure was recorded after the hash: 36 of 40 parallel wrong passwords were checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentLimitsTest {

    private static final int PARALLEL = 50;

    private TestBackend backend;

    /** H2 here; {@link ConcurrentLimitsOnPostgresTest} runs the same races on PostgreSQL. */
    TestDatabase database() {
        return TestDatabase.H2;
    }

    @BeforeAll
    void start() throws Exception {
        backend = new TestBackend(Files.createTempDirectory("regdesk-limits"), database());
    }

    @AfterAll
    void stop() throws Exception {
        backend.close();
    }

    @Test
    void parallelWrongPasswordsAtOneOperatorAccountAreCheckedAtMostFiveTimes() throws Exception {
        List<HttpRegistryConnector> desks = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            desks.add(backend.desk(i % 2 == 0 ? "DESK-004" : "DESK-005")); // two desks: the account limit must hold too
        }
        Map<String, Integer> outcomes = race(i -> refusal(() -> desks.get(i).signIn("auditor1", "wrong-password".toCharArray())));
        assertAtMostFiveChecked("operator sign-in", outcomes, "WRONG_CREDENTIALS", "SIGN_IN_PAUSED", "TOO_MANY_ATTEMPTS");
        assertEquals(OperatorPauses.FREE, outcomes.get("WRONG_CREDENTIALS"), "the free tries, then the account pauses");
        // a real account, now pausing whatever the desk, even with the right password
        RegistryApiContract.refused("SIGN_IN_PAUSED",
                () -> backend.desk("DESK-006").signIn("auditor1", DemoData.OPERATOR_PASSWORD.toCharArray()));
    }

    /** The account's pauses as the registry sets them (OperatorAccess.ACCOUNT_PAUSES). */
    private static final class OperatorPauses {
        static final int FREE = 3;
    }

    @Test
    void wrongPasswordsOneAfterAnotherMakeTheAccountWaitLongerThenLockIt() throws Exception {
        new org.regdesk.server.store.Operators(backend.database).insert(new org.regdesk.server.store.Operator("pauses",
                "Pauses", org.regdesk.server.store.Operator.Role.OPERATOR,
                org.regdesk.server.store.PasswordHashes.hash("right".toCharArray(), 1_000), true));
        HttpRegistryConnector desk = backend.desk("DESK-001");
        for (int i = 0; i < OperatorPauses.FREE; i++) {
            RegistryApiContract.refused("WRONG_CREDENTIALS", () -> desk.signIn("pauses", "wrong".toCharArray()));
        }
        RegistryException paused = RegistryApiContract.refused("SIGN_IN_PAUSED", () -> desk.signIn("pauses", "right".toCharArray()));
        int seconds = Integer.parseInt(paused.params().get("seconds"));
        assertTrue(seconds >= 1 && seconds <= 4, "the 4th try waits up to 4 s after the first failure: " + seconds);
        backend.clock.advance(java.time.Duration.ofSeconds(4));
        RegistryApiContract.refused("WRONG_CREDENTIALS", () -> desk.signIn("pauses", "wrong".toCharArray()));
        paused = RegistryApiContract.refused("SIGN_IN_PAUSED", () -> desk.signIn("pauses", "wrong".toCharArray()));
        assertTrue(Integer.parseInt(paused.params().get("seconds")) > 4, "the 5th waits longer: " + paused.params());
        backend.clock.advance(java.time.Duration.ofSeconds(12));
        RegistryApiContract.refused("WRONG_CREDENTIALS", () -> desk.signIn("pauses", "wrong".toCharArray()));
        RegistryApiContract.refused("TOO_MANY_ATTEMPTS", () -> desk.signIn("pauses", "right".toCharArray()));
        backend.clock.advance(java.time.Duration.ofMinutes(10));
        assertEquals("pauses", desk.signIn("pauses", "right".toCharArray()).username(), "a new window, a new start");
    }

    @Test
    void parallelWrongCodesFromOneDeskAreLookedUpAtMostFiveTimes() throws Exception {
        HttpRegistryConnector desk = backend.desk("DESK-003");
        desk.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
        Map<String, Integer> outcomes = race(i -> refusal(() -> desk.openSession(new OpenSessionRequest("PIN_UNBLOCK",
                String.format("9%014d", i), null, null))));
        assertAtMostFiveChecked("verification code", outcomes, "CODE_UNKNOWN", "TOO_MANY_ATTEMPTS");
    }

    @Test
    void parallelWrongIdentityChecksFromOneDeskAreMadeAtMostFiveTimes() throws Exception {
        HttpRegistryConnector desk = backend.desk("DESK-002");
        desk.signIn("supervisor1", DemoData.OPERATOR_PASSWORD.toCharArray());
        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
        Map<String, Integer> outcomes = race(i -> refusal(() -> desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", null,
                citizen.tckn().value(), "WRONG" + i))));
        assertAtMostFiveChecked("operator identity check", outcomes, "IDENTITY_MISMATCH", "TOO_MANY_ATTEMPTS");
    }

    @Test
    void parallelWrongPortalPasswordsForOneCitizenAreCheckedAtMostFiveTimes() throws Exception {
        HttpClient browser = HttpClient.newBuilder().sslContext(backend.deskTls("DESK-001")).build();
        String form = "tckn=" + DemoData.ZEYNEP.value() + "&password=" + URLEncoder.encode("wrong", StandardCharsets.UTF_8);
        Map<String, Integer> outcomes = race(i -> String.valueOf(browser.send(HttpRequest.newBuilder(backend.base.resolve("/portal/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()));
        assertAtMostFiveChecked("portal sign-in", outcomes, "401", "429");
    }

    @FunctionalInterface
    private interface Attempt {
        String run(int index) throws Exception;
    }

    /** {@link #PARALLEL} attempts released at once; how many ended how. */
    private static Map<String, Integer> race(Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            int index = i;
            results.add(pool.submit((Callable<String>) () -> {
                go.await();
                return attempt.run(index);
            }));
        }
        go.countDown();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Future<String> result : results) {
            outcomes.merge(result.get(), 1, Integer::sum);
        }
        pool.shutdown();
        return outcomes;
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    /** The refusal code a call ended with ("ACCEPTED" if none). */
    private static String refusal(Call call) throws Exception {
        try {
            call.run();
            return "ACCEPTED";
        } catch (RegistryException refused) {
            return refused.code();
        }
    }

    /** At most 5 attempts were checked ({@code checked}); every other one was refused by a limit ({@code limited}). */
    private static void assertAtMostFiveChecked(String limit, Map<String, Integer> outcomes, String checked, String... limited) {
        System.out.printf("%d parallel attempts at the %s limit: %s%n", PARALLEL, limit, outcomes);
        assertTrue(outcomes.getOrDefault(checked, 0) <= 5, "checked: " + outcomes);
        int refused = java.util.Arrays.stream(limited).mapToInt(code -> outcomes.getOrDefault(code, 0)).sum();
        assertEquals(PARALLEL, outcomes.getOrDefault(checked, 0) + refused, outcomes.toString());
    }
}
