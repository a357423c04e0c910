package org.regdesk.backend.tests;

import java.math.BigInteger;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.EOnaySubmission;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.client.internal.HttpRegistryConnector;
import org.regdesk.card.api.CardCertificate;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.reference.TestCardFactory;
import org.regdesk.card.reference.VirtualCardHost;
import org.regdesk.eonay.ConsentSigner;
import org.regdesk.server.eonay.ConsentTexts;
import org.regdesk.server.eonay.ConsentVerifier;
import org.regdesk.server.store.CardRecord;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.DemoData;

/**
 * E-Onay speed, in one run: (1) raw Bouncy Castle CMS signature verifications per second (parse + verify
 * the signer's signature) beside the registry's full verification (attributes, signing certificate,
 * signature, key usage, PKIX chain with the CRL, citizen, time window) on the same signature; (2) whole
 * E-Onay recordings over the desk API (mutual TLS, JSON, verification, replay check, database, audit) per
 * second; (3) the signing time on the reference card (jCardSim in this JVM). Interleaved phases, all cores.
 * {@code ./desk bench-eonay [seconds per phase] [recordings]}.
 */
public final class EOnayBenchmark {

    public static void main(String[] arguments) throws Exception {
        int seconds = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 10;
        int recordings = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 400;
        int threads = Runtime.getRuntime().availableProcessors();
        TestCardFactory factory = new TestCardFactory(VirtualCardHost.DEMO_SEED);
        byte[] consent = ConsentTexts.current(ConsentTexts.Kind.CONSENT).bytes();

        CardSession card = ReferenceCardWithPin.create(factory, DemoData.DEMO_CARD,
                new TestCardFactory.Holder("AYŞE YILMAZ", DemoData.AYSE.value()), "482915");
        card.verifyPin("482915".toCharArray());
        CardCertificate certificate = card.certificates().get(0);
        List<Long> cardMicros = new ArrayList<>();
        List<Long> totalMicros = new ArrayList<>();
        byte[] cms = null;
        for (int i = 0; i < 60; i++) {
            long start = System.nanoTime();
            ConsentSigner.Signature signature = ConsentSigner.sign(card, certificate, consent, Instant.now());
            long total = (System.nanoTime() - start) / 1000;
            if (i >= 10) {
                cardMicros.add(signature.cardMicros());
                totalMicros.add(total);
            }
            cms = signature.cms();
        }
        System.out.printf("E-Onay signing on the reference card (jCardSim in-process, RSA-2048, 50 signatures): card %s, "
                + "whole CAdES signature %s (median / p95)%n", stats(cardMicros), stats(totalMicros));

        // the verifier's own work; the revocation answer (a network call, cached CRL or live OCSP) is measured apart
        ConsentVerifier.Trust trust = new ConsentVerifier.Trust(List.of(factory.testCaCertificate()),
                java.util.Set.of(org.regdesk.card.reference.TestPki.NES_POLICY),
                (signer, issuer) -> org.regdesk.server.revocation.RevocationStatus.good(
                        org.regdesk.server.revocation.RevocationStatus.Source.CRL));
        byte[] signed = cms;
        Runnable raw = () -> {
            try {
                CMSSignedData data = new CMSSignedData(signed);
                SignerInformation signer = data.getSignerInfos().getSigners().iterator().next();
                @SuppressWarnings("unchecked")
                var holder = (org.bouncycastle.cert.X509CertificateHolder) data.getCertificates()
                        .getMatches((org.bouncycastle.util.Selector<org.bouncycastle.cert.X509CertificateHolder>) signer.getSID())
                        .iterator().next();
                if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))) {
                    throw new IllegalStateException("does not verify");
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Instant now = Instant.now();
        Runnable registry = () -> {
            try {
                ConsentVerifier.verify(signed, consent, DemoData.AYSE.value(), now.minus(Duration.ofHours(1)),
                        now.plus(Duration.ofHours(1)), trust);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Benchmarks.rate(raw, threads, 2); // warm-up
        Benchmarks.rate(registry, threads, 2);
        double[] rawRates = new double[2];
        double[] registryRates = new double[2];
        for (int round = 0; round < 2; round++) {
            rawRates[round] = Benchmarks.rate(raw, threads, seconds);
            registryRates[round] = Benchmarks.rate(registry, threads, seconds);
        }
        double rawRate = (rawRates[0] + rawRates[1]) / 2;
        double registryRate = (registryRates[0] + registryRates[1]) / 2;
        System.out.printf("verifications/s, %d threads, %d s phases, 2 interleaved rounds:%n", threads, seconds);
        System.out.printf("  raw Bouncy Castle CMS verify      %8.0f  (%.0f, %.0f)%n", rawRate, rawRates[0], rawRates[1]);
        System.out.printf("  registry ConsentVerifier (full)   %8.0f  (%.0f, %.0f)  ratio %.2f (target >= 0.5)%n",
                registryRate, registryRates[0], registryRates[1], registryRate / rawRate);

        try (TestBackend backend = new TestBackend(Files.createTempDirectory("regdesk-eonay-bench"), TestDatabase.H2,
                factory.masterKey())) {
            backend.openApi.off(); // measure the server, not the spec check
            HttpRegistryConnector desk = backend.desk("DESK-001");
            desk.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
            SoftwareKeyCard signer = new SoftwareKeyCard();
            List<String> sessions = new ArrayList<>();
            List<EOnaySubmission> submissions = new ArrayList<>();
            Instant signingTime = backend.clock.instant();
            for (int i = 0; i < recordings; i++) {
                Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
                signer.withCertificate(factory.issue(signer.keys.getPublic(),
                        new TestCardFactory.Holder(citizen.fullName(), citizen.tckn().value()), BigInteger.valueOf(1000 + i),
                        Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(700)), KeyUsage.nonRepudiation));
                DeskSession session = desk.openSession(new OpenSessionRequest("E_ONAY",
                        backend.registry.issueCode(citizen.tckn(), "E_ONAY").orElseThrow().digits(), null, null));
                byte[] signature = ConsentSigner.sign(signer, signer.cardCertificate(), consent, signingTime).cms();
                sessions.add(session.sessionId());
                submissions.add(new EOnaySubmission("CONSENT", 1, Base64.getEncoder().encodeToString(signature), signingTime));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                clients.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < recordings;) {
                        try {
                            desk.submitEOnay(sessions.get(i), submissions.get(i));
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            System.out.printf("  whole recordings over the desk API  %6.0f/s  (%d in %.1f s, 8 clients, H2, %d failed)  "
                    + "ratio to raw BC %.2f%n", recordings / elapsed, recordings, elapsed, failed.get(), recordings / elapsed / rawRate);
        }
        card.close();
    }

    private static String stats(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return String.format("%.2f / %.2f ms", sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get((int) (sorted.size() * 0.95)) / 1000.0);
    }
}
