package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.regdesk.backend.api.PhoneNumber;
import org.regdesk.backend.api.Tckn;
import org.regdesk.backend.api.v1.CompletionRequest;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.api.v1.OtpSent;
import org.regdesk.backend.api.v1.UnblockAuthorizationGrant;
import org.regdesk.backend.client.internal.HttpRegistryConnector;
import org.regdesk.backend.client.internal.PinnedTrust;
import org.regdesk.server.audit.internal.AuditRecord;
import org.regdesk.server.audit.internal.AuditTrail;
import org.regdesk.server.http.internal.DevelopmentDeskAuthority;
import org.regdesk.server.store.CardRecord;
import org.regdesk.server.store.Cards;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.Citizens;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.DatabaseSettings;
import org.regdesk.server.store.Desk;
import org.regdesk.server.store.JdbcAuditStore;
import org.regdesk.server.store.Operator;
import org.regdesk.server.store.Operators;
import org.regdesk.server.store.PasswordHashes;

/**
 * Two server nodes (each its own JVM) on one PostgreSQL behind HAProxy, which sends desks only to nodes
 * whose /ready answers 200. 200 desks run whole PIN creations (open, SMS, verify, authorize, complete)
 * through the balancer while node 1 is killed with -9 and later started again. Every flow must complete
 * (the desk connector repeats broken requests with the same Idempotency-Key), and afterwards the
 * database must hold exactly the completed sessions, one card authorization each, one accepted SMS code
 * each, one UNBLOCK_COMPLETE record each, and an audit chain that verifies without gaps.
 * {@code -Dregdesk.soak.desks} and {@code -Dregdesk.soak.seconds} size it (200 desks; 15 s with two nodes, 15 s
 * with one, the restart, 15 s with two again by default).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterSoakTest {

    private static final int DESKS = Integer.getInteger("regdesk.soak.desks", 200);
    private static final int SECONDS = Integer.getInteger("regdesk.soak.seconds", 45); // three phases and the restart
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private Path data;
    private DatabaseSettings settings;
    private Database database;
    /** The nodes' audit key (a node uses its code key for both, see TestBackend). */
    private org.regdesk.server.audit.internal.AuditSeal seal;
    private SmsProvider sms;
    private final int[] nodePorts = new int[2];
    private final Process[] nodes = new Process[2];
    private Process balancer;
    private URI balanced;
    private final List<HttpRegistryConnector> desks = new ArrayList<>();
    private final AtomicInteger nextCitizen = new AtomicInteger();

    @BeforeAll
    void startCluster() throws Exception {
        if (!Files.isExecutable(HAPROXY)) {
            if (System.getenv("REGDESK_REQUIRE_POSTGRES") != null) {
                throw new IllegalStateException("HAProxy is missing (apt-get install haproxy); CI must run the cluster soak");
            }
            Assumptions.abort("HAProxy is not installed");
        }
        data = Files.createTempDirectory("regdesk-cluster");
        settings = TestDatabase.POSTGRESQL.settings(data);
        Path keys = Files.createDirectories(data.resolve("cluster"));
        SecureRandom random = new SecureRandom();
        byte[] codeKey = new byte[32];
        byte[] masterKey = new byte[16];
        random.nextBytes(codeKey);
        random.nextBytes(masterKey);
        seal = new org.regdesk.server.audit.internal.AuditSeal(codeKey);
        Files.write(keys.resolve("code.key"), codeKey);
        Files.write(keys.resolve("master.key"), masterKey);
        org.regdesk.server.keys.PrivateFiles.write(keys.resolve("db.password"), new String(settings.password()));
        sms = new SmsProvider();
        for (int i = 0; i < 2; i++) {
            nodePorts[i] = freePort();
        }
        int balancerPort = freePort();
        startNode(0, "first");
        startNode(1, "join");
        Path config = data.resolve("haproxy.cfg");
        Files.writeString(config, """
                global
                    maxconn 4000
                defaults
                    mode tcp
                    timeout connect 1s
                    timeout client 60s
                    timeout server 60s
                    retries 3
                    option redispatch
                frontend desks
                    bind 127.0.0.1:%d
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    option httpchk GET /ready
                    http-check expect status 200
                    default-server send-proxy-v2 check check-send-proxy check-ssl verify none inter 300ms fall 2 rise 2
                    server node1 127.0.0.1:%d
                    server node2 127.0.0.1:%d
                """.formatted(balancerPort, nodePorts[0], nodePorts[1]));
        balancer = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(data.resolve("haproxy.log").toFile()).start();
        balanced = URI.create("https://127.0.0.1:" + balancerPort + "/");
        waitUntilReady(() -> readyThrough(balanced), "the balancer");

        database = Database.open(new DatabaseSettings(settings.url(), settings.user(), settings.password(), 8));
        Operators operators = new Operators(database);
        String cheapHash = PasswordHashes.hash("soak".toCharArray(), 1_000); // 200 sign-ins, not 200 x 600k rounds
        DevelopmentDeskAuthority authority = new DevelopmentDeskAuthority(data, Clock.systemUTC());
        authority.ensureCa();
        for (int i = 0; i < DESKS; i++) {
            String id = String.format("SOAK-%03d", i);
            operators.insertDesk(new Desk(id, id, "soak", true));
            operators.insert(new Operator("soak" + i, "Soak " + i, Operator.Role.OPERATOR, cheapHash, true));
            authority.ensureDesk(id);
            HttpRegistryConnector desk = new HttpRegistryConnector(balanced, PinnedTrust.sslContext(
                    data.resolve("tls").resolve("server.crt"), data.resolve("desks").resolve(id + ".p12"),
                    data.resolve("desks").resolve(id + ".password")), Duration.ofSeconds(30));
            desk.signIn("soak" + i, "soak".toCharArray());
            desks.add(desk);
        }
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (Process process : nodes) {
            if (process != null) {
                process.destroyForcibly().waitFor();
            }
        }
        if (balancer != null) {
            balancer.destroyForcibly().waitFor();
        }
        if (sms != null) {
            sms.server.stop(0);
        }
        if (database != null) {
            database.close();
        }
    }

    /** What one whole PIN creation took, call by call, and which phase of the run it began in. */
    private record Flow(String session, String phase, long[] callMicros) {
    }

    @Test
    void everyFlowCompletesWhileANodeIsKilledAndRestartedAndTheRecordsAddUp() throws Exception {
        ConcurrentLinkedQueue<Flow> flows = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        String[] phase = { "two nodes" };
        Map<String, double[]> phaseSpans = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (HttpRegistryConnector desk : desks) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    String began = phase[0];
                    try {
                        flows.add(wholeFlow(desk, began));
                    } catch (Exception | AssertionError e) {
                        StringBuilder chain = new StringBuilder(began + ": " + e);
                        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                            chain.append(" <- ").append(cause); // which broken connection or refusal, for the next reader
                        }
                        failures.add(chain.toString());
                    }
                }
            }));
        }
        double third = SECONDS / 3.0;
        Thread.sleep((long) (third * 1000));
        phaseSpans.put("two nodes", new double[] { 0, seconds(start) });
        nodes[0].destroyForcibly(); // SIGKILL: no shutdown hook, no connection closed politely
        nodes[0].waitFor();
        double killedAt = seconds(start);
        phase[0] = "one node";
        Thread.sleep((long) (third * 1000));
        phase[0] = "node restarting";
        double restartAt = seconds(start);
        phaseSpans.put("one node", new double[] { killedAt, restartAt });
        startNode(0, "join");
        double readyAt = seconds(start);
        phase[0] = "two nodes again";
        Thread.sleep((long) (third * 1000));
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        phaseSpans.put("two nodes again", new double[] { readyAt, seconds(start) });

        List<Flow> done = List.copyOf(flows);
        System.out.printf("cluster soak: %d desks, %d s in three phases, node 1 killed -9 at %.1f s, restarted at %.1f s, ready at %.1f s%n",
                DESKS, SECONDS, killedAt, restartAt, readyAt);
        for (String name : List.of("two nodes", "one node", "node restarting", "two nodes again")) {
            List<Flow> inPhase = done.stream().filter(flow -> flow.phase().equals(name)).toList();
            double[] span = phaseSpans.get(name);
            String rate = span == null ? "" : String.format(", %.1f flows/s", inPhase.size() / (span[1] - span[0]));
            System.out.printf("  %-16s %5d whole flows%s, per call p50 %.1f ms, p99 %.1f ms%n", name, inPhase.size(), rate,
                    percentile(inPhase, 0.50), percentile(inPhase, 0.99));
        }
        System.out.printf("  failed flows: %d %s%n", failures.size(), failures.stream().limit(5).toList());
        assertTrue(failures.isEmpty(), failures.size() + " flows did not complete, e.g. " + failures.stream().limit(5).toList());
        assertTrue(done.stream().anyMatch(flow -> flow.phase().equals("one node")), "flows ran while node 1 was dead");

        // the database tells the same story as the desks: nothing lost, nothing twice
        List<String> sessions = done.stream().map(Flow::session).toList();
        assertEquals(sessions.size(), sessions.stream().distinct().count());
        assertEquals(Map.of("COMPLETED", (long) sessions.size()), count("SELECT state, COUNT(*) FROM desk_sessions "
                + "WHERE desk_id LIKE 'SOAK-%' GROUP BY state"), "every desk session of the soak completed, none left open");
        assertEquals(Map.of(), count("SELECT a.session_id, COUNT(*) FROM unblock_authorizations a JOIN desk_sessions s "
                + "ON s.id = a.session_id WHERE s.desk_id LIKE 'SOAK-%' GROUP BY a.session_id HAVING COUNT(*) <> 1"),
                "one card authorization per session");
        assertEquals(Map.of("proven", (long) sessions.size()), count("SELECT CASE WHEN c.accepted THEN 'proven' ELSE 'not' END, "
                + "COUNT(*) FROM sms_codes c JOIN desk_sessions s ON s.id = c.session_id WHERE s.desk_id LIKE 'SOAK-%' "
                + "GROUP BY c.accepted"), "one proven SMS code per session");
        List<AuditRecord> audit = new JdbcAuditStore(database, seal).all();
        assertEquals(java.util.Optional.empty(), AuditTrail.firstBroken(seal, audit), "the audit chain verifies");
        for (int i = 0; i < audit.size(); i++) {
            assertEquals(i + 1, audit.get(i).sequence(), "no gap in the audit sequence");
        }
        Map<String, Long> completions = new java.util.HashMap<>();
        audit.stream().filter(record -> record.action().equals("UNBLOCK_COMPLETE") && record.outcome().equals("SUCCEEDED"))
                .forEach(record -> completions.merge(record.details().get("session"), 1L, Long::sum));
        assertEquals(sessions.size(), completions.size(), "an UNBLOCK_COMPLETE record for every completed session");
        assertEquals(List.of(), completions.entrySet().stream().filter(entry -> entry.getValue() != 1).toList(),
                "no UNBLOCK_COMPLETE record twice");
    }

    /** One citizen's whole PIN creation at one desk, through the balancer, as the workstation's wizard makes it. */
    private Flow wholeFlow(HttpRegistryConnector desk, String phase) throws Exception {
        Citizen citizen = newCitizen();
        long[] calls = new long[5];
        long t = System.nanoTime();
        DeskSession session = desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", null, citizen.tckn().value(),
                citizen.idDocumentNumber()));
        t = lap(calls, 0, t);
        OtpSent sent = desk.sendOtp(session.sessionId());
        while (!sent.sent() && sms.lastCode(citizen.phone()) == null) {
            // the send was lost with a dying node: the desk may send again once the server allows it
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), sent.resendAllowedAt()).toMillis()) + 100);
            sent = desk.sendOtp(session.sessionId());
        }
        t = lap(calls, 1, t);
        desk.verifyOtp(session.sessionId(), sms.lastCode(citizen.phone()));
        t = lap(calls, 2, t);
        byte[] challenge = new byte[16];
        new SecureRandom().nextBytes(challenge);
        String serial = TestBackend.cardOf(citizen, CardRecord.REFERENCE);
        UnblockAuthorizationGrant grant = desk.authorizeUnblock(session.sessionId(), serial, challenge);
        t = lap(calls, 3, t);
        String state = desk.complete(session.sessionId(), new CompletionRequest(grant.authorizationId(), "SUCCEEDED", null)).state();
        lap(calls, 4, t);
        assertEquals("COMPLETED", state);
        return new Flow(session.sessionId(), phase, calls);
    }

    private static long lap(long[] calls, int index, long since) {
        long now = System.nanoTime();
        calls[index] = (now - since) / 1000;
        return now;
    }

    private Citizen newCitizen() {
        String tckn = TestBackend.validTckn(String.format("6%08d", nextCitizen.incrementAndGet()));
        Citizen citizen = new Citizen(new Tckn(tckn), "SOAK", "CITIZEN " + tckn, java.time.LocalDate.of(1990, 1, 2),
                new PhoneNumber("+9055" + tckn.substring(3, 11)), "S" + tckn.substring(3));
        new Citizens(database).insert(citizen, null);
        new Cards(database).insert(TestBackend.cardOf(citizen, CardRecord.REFERENCE), citizen.tckn(), CardRecord.REFERENCE,
                "soak", null);
        return citizen;
    }

    private void startNode(int index, String role) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), ClusterNode.class.getName(), data.toString(),
                Integer.toString(nodePorts[index]), role, sms.template());
        builder.environment().put("REGDESK_CLUSTER_DB_URL", settings.url());
        builder.environment().put("REGDESK_CLUSTER_DB_USER", settings.user());
        builder.environment().put("REGDESK_CLUSTER_DB_PASSWORD_FILE", data.resolve("cluster").resolve("db.password").toString());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                data.resolve("node" + (index + 1) + ".log").toFile()));
        nodes[index] = builder.start();
        waitUntilReady(() -> readyBehindProxyHeader(nodePorts[index]), "node " + (index + 1));
    }

    @FunctionalInterface
    private interface ReadyCheck {
        boolean ready() throws Exception;
    }

    /** Polls a readiness check for up to 3 minutes (a node restarting under the soak took 24-42 s on 2 cores). */
    private void waitUntilReady(ReadyCheck check, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (check.ready()) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + " did not become ready in 3 minutes; see " + data);
    }

    /** GET /ready through the balancer (TLS without trust: only the status matters here). */
    private boolean readyThrough(URI base) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trustingEverything()).connectTimeout(Duration.ofSeconds(2)).build();
        return client.send(HttpRequest.newBuilder(base.resolve("/ready")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /** GET /ready on a node as the balancer asks it: a PROXY v1 header, then TLS, then the request. */
    private static boolean readyBehindProxyHeader(int port) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write(("PROXY TCP4 127.0.0.1 127.0.0.1 40000 " + port + "\r\n").getBytes(StandardCharsets.US_ASCII));
            try (javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) trustingEverything().getSocketFactory()
                    .createSocket(socket, "localhost", port, false)) {
                tls.getOutputStream().write("GET /ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return new String(tls.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
            }
        }
    }

    private Map<String, Long> count(String sql) {
        return database.transaction(connection -> {
            Map<String, Long> counts = new java.util.TreeMap<>();
            try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        });
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double percentile(List<Flow> flows, double p) {
        long[] all = flows.stream().flatMapToLong(flow -> java.util.Arrays.stream(flow.callMicros())).sorted().toArray();
        return all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) (p * all.length))] / 1000.0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static SSLContext trustingEverything() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] { new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        } }, null);
        return context;
    }

    /** The SMS provider both nodes hand texts to (the real HTTP gateway's GET template): keeps each phone's newest code. */
    private static final class SmsProvider {
        final com.sun.net.httpserver.HttpServer server;
        private final Map<String, String> lastCode = new ConcurrentHashMap<>();

        SmsProvider() throws IOException {
            server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/send", exchange -> {
                Map<String, String> query = new java.util.HashMap<>();
                for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                    int equals = pair.indexOf('=');
                    query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
                Matcher digits = Pattern.compile("\\b(\\d{6})\\b").matcher(query.getOrDefault("text", ""));
                if (digits.find()) {
                    lastCode.put(query.get("to"), digits.group(1));
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
        }

        String template() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/send?to={to}&text={text}";
        }

        String lastCode(PhoneNumber phone) {
            return lastCode.get(phone.e164());
        }
    }
}
