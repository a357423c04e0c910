package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.regdesk.backend.api.v1.CompletionRequest;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.api.v1.UnblockAuthorizationGrant;
import org.regdesk.backend.client.internal.HttpRegistryConnector;
import org.regdesk.card.api.CardReaderProvider.ReaderState;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.CardTransport;
import org.regdesk.card.api.PinStatus;
import org.regdesk.card.api.UnblockAuthorization;
import org.regdesk.card.contract.SoftHsmTokens;
import org.regdesk.card.pkcs11.internal.Pkcs11Driver;
import org.regdesk.card.pkcs11.internal.Pkcs11ReaderProvider;
import org.regdesk.card.reference.TestCardFactory;
import org.regdesk.server.store.CardRecord;
import org.regdesk.server.store.Citizen;
import org.regdesk.unblock.UnblockFlow;

/**
 * The PKCS#11 path of the same flow, on a SoftHSM2 token through the PKCS#11 driver: the backend's SO
 * PIN pair, the rotation on the token, the confirmation that makes the next SO PIN current; and a token
 * pulled after its rotation, before the backend heard, which the next attempt still unblocks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Pkcs11UnblockFlowTest {

    private TestBackend backend;
    private HttpRegistryConnector desk;
    private Pkcs11ReaderProvider tokens;
    private Citizen citizen;
    private String serial;

    @BeforeAll
    void start() throws Exception {
        tokens = SoftHsmTokens.create(1, TestBackend.FIRST_SO_PIN, new TestCardFactory.Holder("TEST CITIZEN", "50000000000"));
        backend = new TestBackend(Files.createTempDirectory("regdesk-pkcs11"), TestDatabase.H2, new byte[16]);
        desk = backend.desk("DESK-001");
        desk.signIn("operator1", org.regdesk.server.store.DemoData.OPERATOR_PASSWORD.toCharArray());
        try (CardSession token = openToken()) {
            serial = token.identity().serialNumber();
        }
        citizen = backend.newCitizen(CardRecord.PKCS11, serial);
    }

    @AfterAll
    void stop() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    private CardSession openToken() throws Exception {
        for (ReaderState state : tokens.scan()) {
            if (state.cardPresent()) {
                CardTransport transport = tokens.connect(state.reader());
                return new Pkcs11Driver().open(transport.probe(), transport);
            }
        }
        throw new AssertionError("no SoftHSM2 token");
    }

    private DeskSession verifiedSession() throws Exception {
        backend.clock.advance(java.time.Duration.ofHours(1)); // a fresh hour of code issuing
        String code = backend.registry.issueCode(citizen.tckn(), "PIN_UNBLOCK").orElseThrow().digits();
        DeskSession session = desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", code, null, null));
        desk.sendOtp(session.sessionId());
        desk.verifyOtp(session.sessionId(), backend.lastOtp(citizen.phone()));
        return session;
    }

    private void unblockThroughTheFlow(String pin) throws Exception {
        DeskSession session = verifiedSession();
        assertEquals("PKCS11", session.cards().get(0).profile());
        try (CardSession token = openToken()) {
            new UnblockFlow(desk).unblock(session.sessionId(), session.cards().get(0), token, pin.toCharArray());
        }
        assertEquals("COMPLETED", desk.session(session.sessionId()).state());
        try (CardSession token = openToken()) {
            assertEquals(PinStatus.State.READY, token.pinStatus().state());
            token.verifyPin(pin.toCharArray());
        }
    }

    @Test
    void aTokenIsUnblockedTwiceInARowSoEachRotationWasConfirmed() throws Exception {
        unblockThroughTheFlow("461382");
        unblockThroughTheFlow("573904"); // works only if the backend's current SO PIN is the token's
    }

    @Test
    void aTokenPulledAfterItsRotationIsUnblockedByTheNextAttempt() throws Exception {
        DeskSession session = verifiedSession();
        String serialOfSession = session.cards().get(0).serial();
        UnblockAuthorizationGrant first = desk.authorizeUnblock(session.sessionId(), serialOfSession, null);
        assertEquals(false, first.nextSoPinHandedOutBefore());
        try (CardSession token = openToken()) {
            // the write reached the token (SO PIN rotated, PIN set), then the card left before the desk heard
            token.unblock(new UnblockAuthorization.SecurityOfficerPins(first.soPin().toCharArray(),
                    first.nextSoPin().toCharArray()), "111333".toCharArray());
        }
        desk.complete(session.sessionId(), new CompletionRequest(first.authorizationId(), "FAILED", "CARD_REMOVED"));

        UnblockAuthorizationGrant again = desk.authorizeUnblock(session.sessionId(), serialOfSession, null);
        assertEquals(first.nextSoPin(), again.nextSoPin(), "the pending SO PIN is kept, never lost");
        assertTrue(again.nextSoPinHandedOutBefore(), "and marked: the token may have it");
        desk.complete(session.sessionId(), new CompletionRequest(again.authorizationId(), "FAILED", "CARD_REMOVED"));

        try (CardSession token = openToken()) {
            new UnblockFlow(desk).unblock(session.sessionId(), session.cards().get(0), token, "642097".toCharArray());
        }
        assertEquals("COMPLETED", desk.session(session.sessionId()).state());
        unblockThroughTheFlow("208461"); // the backend and the token agree on the SO PIN again
    }
}
