package org.regdesk.backend.tests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.api.v1.UnblockAuthorizationGrant;
import org.regdesk.backend.client.internal.HttpRegistryConnector;
import org.regdesk.server.http.Reply;
import org.regdesk.server.http.Route;
import org.regdesk.server.desk.Actor;
import org.regdesk.server.store.CardRecord;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.DemoData;
import org.regdesk.server.store.Desk;
import org.regdesk.server.store.Operator;
import org.regdesk.server.store.Operators;
import org.regdesk.server.store.PasswordHashes;

/**
 * Throughput and latency of the desk API, printed side by side with a bare route on the same Jetty
 * server (same TLS, same mutual authentication, same client) in the same run:
 * <ol>
 * <li>code validation: POST /api/v1/desk-sessions with a valid 15-digit code;</li>
 * <li>OTP verification: POST .../otp/verify with the right SMS code;</li>
 * <li>soak: 200 simulated desks, each running whole assisted unblocks (open, SMS, verify, authorize,
 * complete) for 60 s; every answer must be the expected one.</li>
 * </ol>
 * On H2, and on PostgreSQL when REGDESK_TEST_POSTGRES_URL is set.
 * {@code ./desk bench-backend [seconds per phase] [soak seconds] [h2|postgresql|both]}.
 */
public final class RegistryLoadBenchmark {

    private static final int CLIENTS = 16;

    public static void main(String[] arguments) throws Exception {
        int seconds = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 10;
        int soakSeconds = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 60;
        System.out.printf("RegDesk backend benchmark: %d cores, %d client threads, %d s per phase, soak %d s with 200 desks%n",
                Runtime.getRuntime().availableProcessors(), CLIENTS, seconds, soakSeconds);
        String only = arguments.length > 2 ? arguments[2] : "both";
        List<TestDatabase> databases = new ArrayList<>();
        if (!only.equals("postgresql")) {
            databases.add(TestDatabase.H2);
        }
        if (only.equals("h2")) {
            System.out.println("(PostgreSQL not asked for)");
        } else if (System.getenv("REGDESK_TEST_POSTGRES_URL") != null) {
            databases.add(TestDatabase.POSTGRESQL);
        } else {
            System.out.println("(PostgreSQL skipped: REGDESK_TEST_POSTGRES_URL not set)");
        }
        for (TestDatabase database : databases) {
            run(database, seconds, soakSeconds);
        }
    }

    private static void run(TestDatabase database, int seconds, int soakSeconds) throws Exception {
        try (TestBackend backend = new TestBackend(Files.createTempDirectory("regdesk-bench"), database)) {
            backend.openApi.off(); // measure the server, not the spec check
            // the baseline: a route that does nothing, behind the same connector, TLS and desk check
            backend.routes().add(() -> List.of(Route.post("/bench/bare", Route.Access.DESK, call -> Reply.ok(Map.of("ok", true)))));
            HttpClient client = HttpClient.newBuilder().sslContext(backend.deskTls("DESK-001"))
                    .executor(Executors.newFixedThreadPool(4)).build();
            HttpRegistryConnector desk = backend.desk("DESK-001");
            String token = desk.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray()).token();
            Actor actor = new Actor("operator1", Operator.Role.OPERATOR, "DESK-001");

            int poolSize = Math.max(2000, seconds * 600);
            System.out.printf("%n== %s: preparing %d codes and %d sessions with an SMS sent ...%n", database, poolSize, poolSize);
            ConcurrentLinkedQueue<byte[]> codes = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String[]> otps = new ConcurrentLinkedQueue<>();
            prepare(backend, List.of(actor), poolSize, codes, otps);

            URI bare = backend.base.resolve("/bench/bare");
            URI sessions = backend.base.resolve("/api/v1/desk-sessions");
            byte[] empty = "{}".getBytes();
            // the JIT warms up on every path first, so neither side of a ratio runs cold
            warmUp(client, token, bare, empty);
            for (int i = 0; i < poolSize / 10; i++) {
                post(client, token, sessions, codes.poll(), 201);
                String[] pending = otps.poll();
                post(client, token, backend.base.resolve("/api/v1/desk-sessions/" + pending[0] + "/otp/verify"),
                        ("{\"code\":\"" + pending[1] + "\"}").getBytes(), 200);
            }
            Benchmarks.Result baseline = Benchmarks.measure("bare Jetty route (baseline)", seconds, CLIENTS,
                    () -> post(client, token, bare, empty, 200));
            // a desk serves one citizen at a time, and its code limit takes 5 attempts in flight at most: the
            // client threads are spread over six desks, each thread keeping its own
            List<HttpClient> deskClients = new ArrayList<>();
            List<String> deskTokens = new ArrayList<>();
            for (String id : TestBackend.DESKS.subList(0, 6)) {
                deskClients.add(HttpClient.newBuilder().sslContext(backend.deskTls(id)).executor(Executors.newFixedThreadPool(2)).build());
                deskTokens.add(backend.desk(id).signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray()).token());
            }
            java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
            ThreadLocal<Integer> deskOfThread = ThreadLocal.withInitial(() -> threads.getAndIncrement() % 6);
            Benchmarks.Result validation = Benchmarks.measure("code validation", seconds, CLIENTS, () -> {
                byte[] body = codes.poll();
                int at = deskOfThread.get();
                return body == null ? null : post(deskClients.get(at), deskTokens.get(at), sessions, body, 201);
            });
            Benchmarks.Result verification = Benchmarks.measure("OTP verification", seconds, CLIENTS, () -> {
                String[] pending = otps.poll();
                return pending == null ? null : post(client, token, backend.base.resolve("/api/v1/desk-sessions/" + pending[0]
                        + "/otp/verify"), ("{\"code\":\"" + pending[1] + "\"}").getBytes(), 200);
            });
            System.out.printf("%-34s %10s %10s %10s %8s %8s%n", "phase (" + database + ")", "requests", "req/s", "ratio",
                    "p50 ms", "p99 ms");
            for (Benchmarks.Result result : List.of(baseline, validation, verification)) {
                System.out.printf("%-34s %10d %10.0f %10.2f %8.2f %8.2f%s%n", result.name(), result.requests(),
                        result.perSecond(), result.perSecond() / baseline.perSecond(), result.percentile(0.50) / 1000.0,
                        result.percentile(0.99) / 1000.0, result.errors() > 0 ? "  ERRORS: " + result.errors() : "");
            }
            soak(backend, soakSeconds, database);
        }
    }

    /** A desk of its own (certificate, operator account) whose operator has signed in. */
    record SignedInDesk(String id, Actor actor, HttpRegistryConnector connector, String token) {
    }

    /** {@code count} desks {@code PREFIX-000}..., each with its certificate from the development desk CA and its operator signed in. */
    static List<SignedInDesk> signedInDesks(TestBackend backend, String prefix, int count) throws Exception {
        Operators operators = new Operators(backend.database);
        String cheapHash = PasswordHashes.hash("load".toCharArray(), 1_000); // many sign-ins, not many x 600k rounds
        var authority = backend.deskAuthority();
        List<SignedInDesk> desks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format("%s-%03d", prefix, i);
            String operator = prefix.toLowerCase(java.util.Locale.ROOT) + i;
            operators.insertDesk(new Desk(id, id, "load", true));
            operators.insert(new Operator(operator, "Load " + i, Operator.Role.OPERATOR, cheapHash, true));
            authority.ensureDesk(id);
            HttpRegistryConnector connector = backend.desk(id);
            String token = connector.signIn(operator, "load".toCharArray()).token();
            desks.add(new SignedInDesk(id, new Actor(operator, Operator.Role.OPERATOR, id), connector, token));
        }
        return desks;
    }

    /**
     * {@code count} fresh codes (request bodies) and as many sessions, each with an SMS sent, opened at the actors' desks in
     * turn: {session id, SMS code, index of the desk's actor}.
     */
    static void prepare(TestBackend backend, List<Actor> actors, int count, ConcurrentLinkedQueue<byte[]> codes,
            ConcurrentLinkedQueue<String[]> otps) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int desk = i % actors.size();
            done.add(pool.submit(() -> {
                Citizen forCode = backend.newCitizen(CardRecord.REFERENCE);
                String code = backend.registry.issueCode(forCode.tckn(), "PIN_UNBLOCK").orElseThrow().digits();
                codes.add(("{\"purpose\":\"PIN_UNBLOCK\",\"verificationCode\":\"" + code + "\"}").getBytes());
                Citizen forOtp = backend.newCitizen(CardRecord.REFERENCE);
                DeskSession session = backend.sessions.open(actors.get(desk), new OpenSessionRequest("PIN_UNBLOCK", null,
                        forOtp.tckn().value(), forOtp.idDocumentNumber()));
                backend.sessions.sendOtp(actors.get(desk), session.sessionId());
                otps.add(new String[] { session.sessionId(), backend.lastOtp(forOtp.phone()), Integer.toString(desk) });
                return null;
            }));
        }
        for (var future : done) {
            future.get();
        }
        pool.shutdown();
    }

    private static void warmUp(HttpClient client, String token, URI uri, byte[] body) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (System.nanoTime() < end) {
            post(client, token, uri, body, 200);
        }
    }

    /** Returns the latency in microseconds, or throws when the answer is not the expected status. */
    private static Long post(HttpClient client, String token, URI uri, byte[] body, int expected) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(uri.getPath() + " answered " + response.statusCode() + ": "
                    + new String(response.body()));
        }
        return (System.nanoTime() - start) / 1000;
    }

    /** 200 desks, each its own certificate, operator and citizen, running whole unblocks back to back. */
    private static void soak(TestBackend backend, int seconds, TestDatabase database) throws Exception {
        int desks = 200;
        List<Supplier<HttpRegistryConnector>> connectors = new ArrayList<>();
        for (SignedInDesk desk : signedInDesks(backend, "SOAK", desks)) {
            connectors.add(desk::connector);
        }
        AtomicLong flows = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < desks; i++) {
            HttpRegistryConnector desk = connectors.get(i).get();
            threads.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    try {
                        // a new citizen each time, as at a real desk (a phone gets 10 SMS a day)
                        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
                        String serial = TestBackend.cardOf(citizen, CardRecord.REFERENCE);
                        long start = System.nanoTime();
                        DeskSession session = desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", null,
                                citizen.tckn().value(), citizen.idDocumentNumber()));
                        desk.sendOtp(session.sessionId());
                        desk.verifyOtp(session.sessionId(), backend.lastOtp(citizen.phone()));
                        byte[] challenge = new byte[16];
                        random.nextBytes(challenge);
                        UnblockAuthorizationGrant grant = desk.authorizeUnblock(session.sessionId(), serial, challenge);
                        String state = desk.complete(session.sessionId(), new org.regdesk.backend.api.v1.CompletionRequest(
                                grant.authorizationId(), "SUCCEEDED", null)).state();
                        if (!"COMPLETED".equals(state) || grant.cryptogram().length() != 32) {
                            throw new IllegalStateException("unexpected end state " + state);
                        }
                        latencies.add((System.nanoTime() - start) / 1000);
                        flows.incrementAndGet();
                        calls.addAndGet(5);
                    } catch (Exception | AssertionError e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.out.println("soak error: " + e);
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Benchmarks.Result result = new Benchmarks.Result("soak", flows.get(), errors.get(), seconds, sorted);
        System.out.printf("soak (%s): %d desks for %d s: %d whole unblocks (%d API calls, %.0f calls/s), errors %d, "
                + "unblock p50 %.1f ms, p99 %.1f ms%n", database, desks, seconds, flows.get(), calls.get(),
                calls.get() / (double) seconds, errors.get(), result.percentile(0.50) / 1000.0, result.percentile(0.99) / 1000.0);
    }
}
