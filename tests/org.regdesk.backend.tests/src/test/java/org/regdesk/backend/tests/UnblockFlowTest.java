package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.CompletionRequest;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.api.v1.SessionState;
import org.regdesk.backend.client.internal.HttpRegistryConnector;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.PinStatus;
import org.regdesk.card.pcsc.internal.ReferenceCardDriver;
import org.regdesk.card.reference.ReferenceCards;
import org.regdesk.card.reference.SimulatorTransport;
import org.regdesk.card.reference.TestCardFactory;
import org.regdesk.card.reference.VirtualCardHost;
import org.regdesk.server.store.DemoData;
import org.regdesk.unblock.UnblockFlow;

import com.licel.jcardsim.smartcardio.CardSimulator;

/**
 * The first PIN of a real reference card (the applet on jCardSim, through the PC/SC reference driver)
 * written through the whole chain: portal code, desk session, SMS code, the backend's cryptogram for the
 * card's own challenge, the card write, the report. Then the faults: a card pulled mid-write, and a
 * backend that cannot take the report after the card was written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnblockFlowTest {

    private TestCardFactory factory;
    private TestBackend backend;
    private HttpRegistryConnector desk;
    private CardSimulator card;
    private SimulatorTransport transport;

    @BeforeAll
    void start() throws Exception {
        factory = new TestCardFactory(VirtualCardHost.DEMO_SEED);
        backend = new TestBackend(Files.createTempDirectory("regdesk-unblock"), TestDatabase.H2, factory.masterKey());
        desk = backend.desk("DESK-001");
        desk.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
    }

    @AfterAll
    void stop() throws Exception {
        backend.close();
    }

    @BeforeEach
    void aNewDemoCardWithoutPin() throws Exception {
        card = ReferenceCards.newCard();
        factory.personalize(card::transmitCommand, DemoData.DEMO_CARD, new TestCardFactory.Holder("AYŞE YILMAZ",
                DemoData.AYSE.value()));
        card.reset();
        transport = new SimulatorTransport(card);
        backend.clock.advance(java.time.Duration.ofHours(1)); // a fresh hour of code issuing for AYŞE
    }

    private CardSession openCard() throws Exception {
        ReferenceCardDriver driver = new ReferenceCardDriver();
        return driver.open(transport.probe(), transport);
    }

    private DeskSession verifiedSession() throws Exception {
        String code = backend.registry.issueCode(DemoData.AYSE, "PIN_UNBLOCK").orElseThrow().digits();
        DeskSession session = desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", code, null, null));
        desk.sendOtp(session.sessionId());
        desk.verifyOtp(session.sessionId(), backend.lastOtp(backend.registry.citizen(DemoData.AYSE).orElseThrow().phone()));
        return session;
    }

    @Test
    void theCardGetsItsFirstPinThroughTheBackendsAuthorization() throws Exception {
        DeskSession session = verifiedSession();
        try (CardSession cardSession = openCard()) {
            assertEquals(PinStatus.State.NOT_SET, cardSession.pinStatus().state());
            UnblockFlow.Timings timings = new UnblockFlow(desk).unblock(session.sessionId(), session.cards().get(0),
                    cardSession, "482915".toCharArray());
            assertTrue(timings.totalMicros() >= timings.cardMicros() + timings.backendMicros());
        }
        try (CardSession again = openCard()) {
            assertEquals(PinStatus.State.READY, again.pinStatus().state());
            again.verifyPin("482915".toCharArray()); // the card really has the new PIN
        }
        assertEquals("COMPLETED", desk.session(session.sessionId()).state());
    }

    @Test
    void aCardPulledDuringTheWriteIsReportedAndTheSameSessionRetries() throws Exception {
        DeskSession session = verifiedSession();
        try (CardSession cardSession = openCard()) {
            transport.pullAfter(1); // the challenge goes through, the write does not
            CardException pulled = assertThrows(CardException.class, () -> new UnblockFlow(desk)
                    .unblock(session.sessionId(), session.cards().get(0), cardSession, "482915".toCharArray()));
            assertEquals(CardException.Reason.CARD_REMOVED, pulled.reason());
        }
        assertEquals("OTP_VERIFIED", desk.session(session.sessionId()).state(), "nothing lost: the session waits");
        transport.reinsert();
        try (CardSession cardSession = openCard()) {
            assertEquals(PinStatus.State.NOT_SET, cardSession.pinStatus().state(), "the pulled write left the card as it was");
            new UnblockFlow(desk).unblock(session.sessionId(), session.cards().get(0), cardSession, "482915".toCharArray());
        }
        assertEquals("COMPLETED", desk.session(session.sessionId()).state());
    }

    @Test
    void aReportTheBackendCouldNotTakeIsSentAgainAndNothingIsLost() throws Exception {
        DeskSession session = verifiedSession();
        AtomicBoolean down = new AtomicBoolean(true);
        // the real connector, with the network failing exactly once: when the card write is reported
        HttpRegistryConnector flaky = new HttpRegistryConnector(backend.base, backend.deskTls("DESK-001"),
                java.time.Duration.ofSeconds(10)) {
            @Override
            public SessionState complete(String sessionId, CompletionRequest completion) throws RegistryException {
                if (down.getAndSet(false)) {
                    throw new RegistryException(0, "UNREACHABLE", "unreachable", null, null);
                }
                return desk.complete(sessionId, completion);
            }
        };
        flaky.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
        UnblockFlow flow = new UnblockFlow(flaky);
        UnblockFlow.NotReported notReported;
        try (CardSession cardSession = openCard()) {
            notReported = assertThrows(UnblockFlow.NotReported.class,
                    () -> flow.unblock(session.sessionId(), session.cards().get(0), cardSession, "482915".toCharArray()));
        }
        assertEquals("OTP_VERIFIED", desk.session(session.sessionId()).state());
        try (CardSession check = openCard()) {
            check.verifyPin("482915".toCharArray()); // written, only unreported
        }
        flow.report(session.sessionId(), notReported.authorizationId());
        assertEquals("COMPLETED", desk.session(session.sessionId()).state());
        flow.report(session.sessionId(), notReported.authorizationId()); // a second retry is harmless
    }
}
