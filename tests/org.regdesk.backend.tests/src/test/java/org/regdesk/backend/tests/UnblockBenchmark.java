package org.regdesk.backend.tests;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.client.internal.HttpRegistryConnector;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.pcsc.internal.ReferenceCardDriver;
import org.regdesk.card.reference.ReferenceCards;
import org.regdesk.card.reference.SimulatorTransport;
import org.regdesk.card.reference.TestCardFactory;
import org.regdesk.card.reference.VirtualCardHost;
import org.regdesk.server.store.CardRecord;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.DemoData;
import org.regdesk.unblock.UnblockFlow;

import com.licel.jcardsim.smartcardio.CardSimulator;

/**
 * The machine time of one whole PIN creation at the desk, everything but human typing and SMS delivery:
 * the desk's backend calls (open the session with the code, send the SMS, verify it, the authorization,
 * the report) and the card's APDUs (open, challenge, write), over the real server with mutual TLS on H2
 * and a reference card on jCardSim in this JVM (through pcscd an APDU adds ~0.1 ms: docs/BENCHMARKS.md).
 * {@code ./desk bench-unblock [rounds]}.
 */
public final class UnblockBenchmark {

    public static void main(String[] arguments) throws Exception {
        int rounds = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 100;
        int warmUp = 30;
        TestCardFactory factory = new TestCardFactory(VirtualCardHost.DEMO_SEED);
        try (TestBackend backend = new TestBackend(Files.createTempDirectory("regdesk-unblock-bench"), TestDatabase.H2,
                factory.masterKey())) {
            backend.openApi.off(); // measure the server, not the spec check
            HttpRegistryConnector desk = backend.desk("DESK-001");
            desk.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
            UnblockFlow flow = new UnblockFlow(desk);
            Map<String, List<Long>> micros = new LinkedHashMap<>();
            for (int round = 0; round < warmUp + rounds; round++) {
                Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
                CardSimulator card = ReferenceCards.newCard();
                factory.personalize(card::transmitCommand, TestBackend.cardOf(citizen, CardRecord.REFERENCE),
                        new TestCardFactory.Holder(citizen.fullName(), citizen.tckn().value()));
                card.reset();
                SimulatorTransport transport = new SimulatorTransport(card);
                String code = backend.registry.issueCode(citizen.tckn(), "PIN_UNBLOCK").orElseThrow().digits();

                long start = System.nanoTime();
                DeskSession session = desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", code, null, null));
                long opened = System.nanoTime();
                desk.sendOtp(session.sessionId());
                long sent = System.nanoTime();
                String otp = backend.lastOtp(citizen.phone()); // the citizen reads it: not timed
                long typed = System.nanoTime();
                desk.verifyOtp(session.sessionId(), otp);
                long verified = System.nanoTime();
                CardSession cardSession = new ReferenceCardDriver().open(transport.probe(), transport);
                long cardOpened = System.nanoTime();
                UnblockFlow.Timings write = flow.unblock(session.sessionId(), session.cards().get(0), cardSession,
                        "482915".toCharArray());
                long end = System.nanoTime();
                cardSession.close();
                if (round >= warmUp) {
                    add(micros, "backend: open session with the code", (opened - start) / 1000);
                    add(micros, "backend: send SMS code", (sent - opened) / 1000);
                    add(micros, "backend: verify SMS code", (verified - typed) / 1000);
                    add(micros, "card: open (SELECT, identity)", (cardOpened - verified) / 1000);
                    add(micros, "card: challenge + write", write.cardMicros());
                    add(micros, "backend: authorization + report", write.backendMicros());
                    add(micros, "TOTAL machine time", (end - start - (typed - sent)) / 1000);
                }
            }
            System.out.printf("One PIN creation, %d rounds after %d warm-up, 2 cores, H2, mutual TLS on loopback%n", rounds,
                    warmUp);
            System.out.printf("%-38s %10s %10s%n", "step", "median ms", "p95 ms");
            micros.forEach((step, values) -> {
                long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("%-38s %10.2f %10.2f%n", step, sorted[sorted.length / 2] / 1000.0,
                        sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1000.0);
            });
        }
    }

    private static void add(Map<String, List<Long>> micros, String step, long value) {
        micros.computeIfAbsent(step, k -> new ArrayList<>()).add(value);
    }

}
