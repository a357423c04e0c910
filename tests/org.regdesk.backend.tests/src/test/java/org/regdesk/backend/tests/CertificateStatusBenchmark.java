package org.regdesk.backend.tests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.regdesk.card.reference.TestPki;
import org.regdesk.server.http.Reply;
import org.regdesk.server.http.Route;
import org.regdesk.server.store.CardRecord;
import org.regdesk.server.store.Citizen;

/**
 * The reference CA's publication speed, in one run:
 * <ol>
 * <li>OCSP answers per second over HTTPS from {@code clients} concurrent relying parties (POST, a real
 * certificate, the register in H2), with p50/p99 latency, beside raw Bouncy Castle signatures per second
 * with the very key the responder signs with (its tbsResponseData, all cores): the answer can never be
 * faster than its signature, so the ratio says what the HTTP, parsing and register work costs. A bare
 * route answering the same bytes with no work, same clients and TLS, shows what HTTPS alone costs on
 * this machine. Every 50th answer is verified; a broken one is counted and printed.</li>
 * <li>the full CRL with {@code revoked} entries: the first download after a change (made, signed,
 * sent) and a second one (the cached CRL sent), its size, and that it parses with every entry and verifies
 * with the CA key.</li>
 * </ol>
 * Clients and server share the machine, so the OCSP figure is a lower bound.
 * {@code ./desk bench-ca [seconds per phase] [clients] [revoked entries]}.
 */
public final class CertificateStatusBenchmark {

    public static void main(String[] arguments) {
        try {
            run(arguments);
        } catch (Throwable failed) { // exec:java would wait for the pools' threads before saying anything
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] arguments) throws Exception {
        int seconds = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 10;
        int clients = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 200;
        int revoked = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 100_000;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("RegDesk reference CA benchmark: %d cores, %d OCSP clients, %d s per phase, CRL with %d entries%n",
                cores, clients, seconds, revoked);
        try (TestBackend backend = new TestBackend(Files.createTempDirectory("regdesk-ca-bench"), TestDatabase.H2)) {
            backend.openApi.off(); // measure the server, not the spec check
            Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
            X509Certificate certificate = backend.issueQualified(citizen.fullName(), citizen.tckn(),
                    TestBackend.cardOf(citizen, CardRecord.REFERENCE), TestPki.KeyType.EC_P256);
            X509Certificate caCertificate = backend.demoCa.testCaCertificate();
            byte[] request = new OCSPReqBuilder().addRequest(new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(caCertificate), certificate.getSerialNumber()))
                    .build().getEncoded();
            HttpClient client = HttpClient.newBuilder().sslContext(backend.deskTls("DESK-002"))
                    .connectTimeout(Duration.ofSeconds(10)).build();
            URI ocsp = backend.base.resolve("/ocsp");
            AtomicLong sent = new AtomicLong();
            AtomicLong broken = new AtomicLong();
            Benchmarks.Request answer = () -> {
                long start = System.nanoTime();
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(ocsp)
                        .header("Content-Type", "application/ocsp-request").POST(HttpRequest.BodyPublishers.ofByteArray(request))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                long micros = (System.nanoTime() - start) / 1000;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("OCSP answered HTTP " + response.statusCode());
                }
                if (sent.incrementAndGet() % 50 == 0) {
                    BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(response.body()).getResponseObject();
                    if (!basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(basic.getCerts()[0]))
                            || basic.getResponses()[0].getCertStatus() != null) {
                        broken.incrementAndGet();
                    }
                }
                return micros;
            };

            // the baseline signs what the responder signs: a real answer's tbsResponseData, with its key
            HttpResponse<byte[]> sample = client.send(HttpRequest.newBuilder(ocsp).header("Content-Type", "application/ocsp-request")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] tbs = ((BasicOCSPResp) new OCSPResp(sample.body()).getResponseObject()).getTBSResponseData();
            java.util.concurrent.Callable<ContentSigner> responderSigner = responderSigner(backend);
            Runnable sign = () -> {
                try {
                    ContentSigner signer = responderSigner.call();
                    signer.getOutputStream().write(tbs);
                    signer.getSignature();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };

            // and what HTTPS alone costs here: a public route that answers the same bytes without any work
            byte[] canned = sample.body();
            backend.routes().add(() -> List.of(Route.post("/bench/bare", Route.Access.PUBLIC,
                    call -> new Reply(200, "application/ocsp-response", null, canned, Map.of()))));
            URI bare = backend.base.resolve("/bench/bare");
            Benchmarks.Request bareAnswer = () -> {
                long start = System.nanoTime();
                client.send(HttpRequest.newBuilder(bare).header("Content-Type", "application/ocsp-request")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), HttpResponse.BodyHandlers.ofByteArray());
                return (System.nanoTime() - start) / 1000;
            };

            Benchmarks.rate(sign, cores, 2); // the JIT warms up on every side first
            for (int warm = 0; warm < 2; warm++) { // 200 threads on few cores settle slowly: twice each, a phase long
                Benchmarks.measure("warm-up", seconds, clients, bareAnswer);
                Benchmarks.measure("warm-up", seconds, clients, answer);
            }
            double[] signRates = new double[2];
            Benchmarks.Result[] bareRounds = new Benchmarks.Result[2];
            Benchmarks.Result[] rounds = new Benchmarks.Result[2];
            for (int round = 0; round < 2; round++) { // interleaved, so that no side runs in a luckier minute
                signRates[round] = Benchmarks.rate(sign, cores, seconds);
                bareRounds[round] = Benchmarks.measure("bare HTTPS route", seconds, clients, bareAnswer);
                rounds[round] = Benchmarks.measure("OCSP over HTTPS", seconds, clients, answer);
            }
            double signRate = (signRates[0] + signRates[1]) / 2;
            System.out.printf("%-44s %10s %9s %8s %8s%n", "phase", "per s", "÷ raw sig", "p50 ms", "p99 ms");
            System.out.printf("%-44s %10.0f %9s %8s %8s   (%.0f, %.0f)%n", "raw BC signature, responder key (" + cores + " thr)",
                    signRate, "1.00", "-", "-", signRates[0], signRates[1]);
            for (int round = 0; round < 2; round++) {
                for (Benchmarks.Result result : List.of(bareRounds[round], rounds[round])) {
                    System.out.printf("%-44s %10.0f %9.2f %8.2f %8.2f   %d requests%s%n", result.name() + ", " + clients
                            + " clients", result.perSecond(), result.perSecond() / signRate, result.percentile(0.50) / 1000.0,
                            result.percentile(0.99) / 1000.0, result.requests(), result.errors() > 0 ? ", ERRORS " + result.errors() : "");
                }
            }
            System.out.printf("answers verified: %d, broken: %d%n", sent.get() / 50, broken.get());

            revokeInBulk(backend, revoked);
            URI crl = backend.base.resolve("/crl/" + TestPki.Endpoints.DEMO.caId() + ".crl");
            long start = System.nanoTime();
            byte[] fresh = client.send(HttpRequest.newBuilder(crl).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            double freshMs = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            byte[] cached = client.send(HttpRequest.newBuilder(crl).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            double cachedMs = (System.nanoTime() - start) / 1e6;
            X509CRL parsed = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new java.io.ByteArrayInputStream(fresh));
            parsed.verify(caCertificate.getPublicKey());
            int entries = parsed.getRevokedCertificates() == null ? 0 : parsed.getRevokedCertificates().size();
            System.out.printf("CRL, %d entries, %.1f MiB: made+signed+downloaded %.0f ms, cached download %.0f ms "
                    + "(same bytes: %s), verifies with the CA key%n", entries, fresh.length / 1048576.0, freshMs, cachedMs,
                    java.util.Arrays.equals(fresh, cached));
            if (entries != revoked) {
                throw new IllegalStateException("the CRL lists " + entries + " entries, not " + revoked);
            }
        }
    }

    /**
     * A fresh signer with the key the responder answers with. No API hands that key out, and the bundles
     * are signed jars (no test class may join their package), so the benchmark reaches it by reflection.
     */
    private static java.util.concurrent.Callable<ContentSigner> responderSigner(TestBackend backend) throws Exception {
        Object routes = backend.ca.routes();
        java.lang.reflect.Method responder = routes.getClass().getDeclaredMethod("responder");
        responder.setAccessible(true);
        Object ocsp = responder.invoke(routes);
        java.lang.reflect.Method signer = ocsp.getClass().getDeclaredMethod("answerSigner");
        signer.setAccessible(true);
        return () -> (ContentSigner) signer.invoke(ocsp);
    }

    /** {@code count} revoked certificates straight into the CA's register (issuing that many would take the whole run). */
    private static void revokeInBulk(TestBackend backend, int count) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String caId = TestPki.Endpoints.DEMO.caId();
        backend.database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ca_certificates (ca_id, serial, holder_tckn, "
                    + "card_serial, key_type, not_before, not_after, status, revoked_at, reason, certificate) "
                    + "VALUES (?, ?, '10000000146', NULL, 'EC P-256', ?, ?, 'REVOKED', ?, 1, 'AA==')")) {
                for (int i = 0; i < count; i++) {
                    insert.setString(1, caId);
                    insert.setString(2, String.format("7F%016X", i));
                    insert.setObject(3, now.minusDays(30));
                    insert.setObject(4, now.plusDays(700));
                    insert.setObject(5, now.minusMinutes(i % 10_000));
                    insert.addBatch();
                    if (i % 5_000 == 4_999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement bump = connection.prepareStatement("UPDATE ca_state SET revision = revision + 1 WHERE ca_id = ?")) {
                bump.setString(1, caId);
                bump.executeUpdate();
            }
            return null;
        });
        System.out.printf("(%d revoked entries written to the register at %s)%n", count, Instant.now());
    }
}
