package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.CompletionRequest;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.api.v1.OperatorSignedIn;
import org.regdesk.backend.api.v1.OtpSent;
import org.regdesk.backend.api.v1.SessionState;
import org.regdesk.backend.api.v1.UnblockAuthorizationGrant;
import org.regdesk.backend.client.internal.HttpRegistryConnector;
import org.regdesk.server.audit.internal.AuditRecord;
import org.regdesk.server.audit.internal.AuditTrail;
import org.regdesk.server.keys.CardKeys;
import org.regdesk.server.store.CardRecord;
import org.regdesk.server.store.Cards;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.DemoData;
import org.regdesk.server.store.SoPins;

/**
 * The desk API through the workstation's own connector, over mutual TLS, on one database; the
 * subclasses pick H2 or PostgreSQL. Each test uses its own citizen (and desk where it provokes refusals)
 * so rate limits of one test never decide another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RegistryApiContract {

    TestBackend backend;
    private Path data;

    abstract TestDatabase database();

    @BeforeAll
    void start() throws Exception {
        data = Files.createTempDirectory("regdesk-backend-" + database());
        backend = new TestBackend(data, database());
    }

    @AfterAll
    void stop() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    private HttpRegistryConnector signedIn(String desk, String operator) throws Exception {
        HttpRegistryConnector connector = backend.desk(desk);
        connector.signIn(operator, DemoData.OPERATOR_PASSWORD.toCharArray());
        return connector;
    }

    private String code(Citizen citizen, String purpose) {
        return backend.registry.issueCode(citizen.tckn(), purpose).orElseThrow().digits();
    }

    static RegistryException refused(String expectedCode, Executable call) {
        RegistryException error = assertThrows(RegistryException.class, call);
        assertEquals(expectedCode, error.code(), error.getMessage());
        assertFalse(error.getMessage().isBlank(), "an English fallback text");
        assertTrue(DeskRefusalTexts.TURKISH.knows(expectedCode) && DeskRefusalTexts.ENGLISH.knows(expectedCode),
                "the desk has words for " + expectedCode + " in Turkish and English");
        return error;
    }

    @Test
    void aSignInWithAnUnknownUserNameLeavesThatNameOutOfTheAuditTrail() throws Exception {
        String typedInTheWrongField = "Gizli-Parola-" + System.nanoTime(); // what a user name that nobody has often is
        refused("WRONG_CREDENTIALS", () -> backend.desk("DESK-004").signIn(typedInTheWrongField, "x".toCharArray()));
        refused("WRONG_CREDENTIALS", () -> backend.desk("DESK-004").signIn("operator1", "wrong".toCharArray()));
        var signIns = backend.auditRecords().stream().filter(record -> record.action().equals("OPERATOR_SIGN_IN")
                && record.outcome().equals("REFUSED")).toList();
        assertTrue(signIns.stream().noneMatch(record -> record.toString().contains(typedInTheWrongField)), signIns.toString());
        assertTrue(signIns.stream().anyMatch(record -> record.operator().equals("(unknown)")), signIns.toString());
        assertTrue(signIns.stream().anyMatch(record -> record.operator().equals("operator1")), "a known account is named");
    }

    @Test
    void aCitizenWithACodeGetsTheCardUnblockedAndEveryStepIsAudited() throws Exception {
        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
        String serial = TestBackend.cardOf(citizen, CardRecord.REFERENCE);
        HttpRegistryConnector desk = signedIn("DESK-001", "operator1");

        DeskSession session = desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", code(citizen, "PIN_UNBLOCK"), null, null));
        assertEquals("CODE", session.kind());
        assertEquals(citizen.tckn().value(), session.tckn());
        assertEquals(List.of(serial), session.cards().stream().map(card -> card.serial()).toList());
        assertEquals(citizen.phone().masked(), session.phoneMasked());
        assertTrue(session.expiresAt().isAfter(backend.clock.instant().plus(Duration.ofMinutes(14))));

        refused("OTP_REQUIRED", () -> desk.authorizeUnblock(session.sessionId(), serial, new byte[16]));
        OtpSent sent = desk.sendOtp(session.sessionId());
        assertTrue(sent.sent());
        String otp = backend.lastOtp(citizen.phone());
        String wrong = otp.equals("000000") ? "111111" : "000000";
        assertEquals("2", refused("OTP_WRONG", () -> desk.verifyOtp(session.sessionId(), wrong)).params().get("attemptsLeft"));
        assertEquals("OTP_VERIFIED", desk.verifyOtp(session.sessionId(), otp).state());
        assertEquals("OTP_VERIFIED", desk.verifyOtp(session.sessionId(), otp).state(), "a lost answer asked again");

        byte[] challenge = new byte[16];
        new SecureRandom().nextBytes(challenge);
        UnblockAuthorizationGrant grant = desk.authorizeUnblock(session.sessionId(), serial, challenge);
        assertEquals("CRYPTOGRAM", grant.kind());
        // the same arithmetic the reference card applet checks on-card (issue #3)
        byte[] expected = CardKeys.cmacOfOneBlock(CardKeys.diversify(backend.masterKey, serial.getBytes(StandardCharsets.US_ASCII)),
                challenge);
        assertEquals(HexFormat.of().formatHex(expected), grant.cryptogram());

        SessionState done = desk.complete(session.sessionId(), new CompletionRequest(grant.authorizationId(), "SUCCEEDED", null));
        assertEquals("COMPLETED", done.state());
        refused("ALREADY_REPORTED", () -> desk.complete(session.sessionId(),
                new CompletionRequest(grant.authorizationId(), "SUCCEEDED", null)));
        assertEquals("COMPLETED", backend.registry.latestSession(citizen.tckn(), "PIN_UNBLOCK").orElseThrow().state().name());

        List<AuditRecord> trail = new org.regdesk.server.store.JdbcAuditStore(backend.database, backend.auditSeal).all();
        assertTrue(AuditTrail.firstBroken(backend.auditSeal, trail).isEmpty(), "the chain verifies");
        List<String> steps = trail.stream().filter(r -> r.details().values().contains(session.sessionId()))
                .map(r -> r.action() + ":" + r.outcome()).toList();
        assertEquals(List.of("SESSION_OPEN:ACCEPTED", "OTP_SEND:SENT", "OTP_VERIFY:WRONG_CODE", "OTP_VERIFY:ACCEPTED", "OTP_VERIFY:ALREADY_VERIFIED",
                "UNBLOCK_AUTHORIZE:GRANTED", "UNBLOCK_COMPLETE:SUCCEEDED"), steps);
        assertTrue(trail.stream().allMatch(r -> !AuditTrail.detailsJson(r.details()).contains(otp)), "no OTP in the audit");
        assertTrue(trail.stream().filter(r -> r.details().values().contains(session.sessionId()))
                .allMatch(r -> r.operator().equals("operator1") && r.desk().equals("DESK-001")));
    }

    @Test
    void verificationCodesAreSingleUseExpireAndANewOneVoidsTheOld() throws Exception {
        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
        HttpRegistryConnector desk = signedIn("DESK-002", "operator1");
        String first = code(citizen, "PIN_UNBLOCK");
        String second = code(citizen, "PIN_UNBLOCK"); // "Tekrar Kod Al"
        assertNotEquals(first, second);
        refused("CODE_UNKNOWN", () -> desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", first, null, null)));
        refused("CODE_WRONG_PURPOSE", () -> desk.openSession(new OpenSessionRequest("E_ONAY", second, null, null)));
        desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", second, null, null));
        refused("CODE_ALREADY_USED", () -> desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", second, null, null)));

        String late = code(citizen, "E_ONAY");
        backend.clock.advance(Duration.ofSeconds(301));
        refused("CODE_EXPIRED", () -> desk.openSession(new OpenSessionRequest("E_ONAY", late, null, null)));
        refused("CODE_UNKNOWN", () -> desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", "123456789012345", null, null)));
        // five refusals in ten minutes: the desk is stopped, even for a good code
        String good = code(citizen, "PIN_UNBLOCK");
        refused("TOO_MANY_ATTEMPTS", () -> desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", good, null, null)));
        refused("CODE_MALFORMED", () -> signedIn("DESK-006", "operator1")
                .openSession(new OpenSessionRequest("PIN_UNBLOCK", "12345", null, null)));
    }

    @Test
    void anOperatorAssistedSessionNeedsTheMatchingIdDocumentAndAServingRole() throws Exception {
        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
        HttpRegistryConnector desk = signedIn("DESK-003", "supervisor1");
        refused("IDENTITY_MISMATCH", () -> desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", null,
                citizen.tckn().value(), "WRONG123")));
        refused("INVALID_FIELD", () -> desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", null, "12345678901", "X")));
        refused("INVALID_FIELD", () -> desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", code(citizen, "PIN_UNBLOCK"),
                citizen.tckn().value(), citizen.idDocumentNumber())));
        DeskSession session = desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", null, citizen.tckn().value(),
                citizen.idDocumentNumber().toLowerCase()));
        assertEquals("ASSISTED", session.kind());

        HttpRegistryConnector auditor = signedIn("DESK-003", "auditor1");
        refused("ROLE_NOT_ALLOWED", () -> auditor.openSession(new OpenSessionRequest("PIN_UNBLOCK", null,
                citizen.tckn().value(), citizen.idDocumentNumber())));
        refused("ROLE_NOT_ALLOWED", () -> auditor.session(session.sessionId()));
    }

    @Test
    void desksAreKnownByCertificateAndSessionsStayWithTheirDesk() throws Exception {
        HttpRegistryConnector unregistered = backend.desk("DESK-UNREGISTERED");
        refused("UNKNOWN_DESK", () -> unregistered.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray()));

        HttpRegistryConnector desk = signedIn("DESK-004", "operator1");
        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
        DeskSession session = desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", code(citizen, "PIN_UNBLOCK"), null, null));
        HttpRegistryConnector other = signedIn("DESK-005", "operator1");
        refused("SESSION_UNKNOWN", () -> other.session(session.sessionId()));
        refused("SESSION_UNKNOWN", () -> other.sendOtp(session.sessionId()));

        HttpRegistryConnector notSignedIn = backend.desk("DESK-005");
        refused("SIGN_IN_REQUIRED", () -> notSignedIn.session(session.sessionId()));
        refused("WRONG_CREDENTIALS", () -> notSignedIn.signIn("operator1", "wrong".toCharArray()));
        refused("WRONG_CREDENTIALS", () -> notSignedIn.signIn("nobody", "wrong".toCharArray()));

        desk.signOut();
        refused("SIGN_IN_REQUIRED", () -> desk.session(session.sessionId()));
    }

    @Test
    void aPkcs11TokensSoPinIsRotatedAndBothAreKeptUntilTheDeskConfirms() throws Exception {
        Citizen citizen = backend.newCitizen(CardRecord.PKCS11);
        String serial = TestBackend.cardOf(citizen, CardRecord.PKCS11);
        HttpRegistryConnector desk = signedIn("DESK-003", "operator1");
        DeskSession session = desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", code(citizen, "PIN_UNBLOCK"), null, null));
        desk.sendOtp(session.sessionId());
        desk.verifyOtp(session.sessionId(), backend.lastOtp(citizen.phone()));

        UnblockAuthorizationGrant first = desk.authorizeUnblock(session.sessionId(), serial, null);
        assertEquals("SO_PIN_ROTATION", first.kind());
        assertEquals(TestBackend.FIRST_SO_PIN, first.soPin());
        assertEquals(16, first.nextSoPin().length());
        // the card was pulled before the desk could report: the retry gets the same pair, nothing is lost
        desk.complete(session.sessionId(), new CompletionRequest(first.authorizationId(), "FAILED", "CARD_REMOVED"));
        UnblockAuthorizationGrant retry = desk.authorizeUnblock(session.sessionId(), serial, null);
        assertEquals(first.soPin(), retry.soPin());
        assertEquals(first.nextSoPin(), retry.nextSoPin());
        Cards cards = new Cards(backend.database);
        SoPins kept = cards.soPins(serial).orElseThrow();
        assertTrue(kept.pendingSealed().isPresent(), "old and new SO PIN both kept");

        desk.complete(session.sessionId(), new CompletionRequest(retry.authorizationId(), "SUCCEEDED", null));
        SoPins confirmed = cards.soPins(serial).orElseThrow();
        assertTrue(confirmed.pendingSealed().isEmpty());
        assertEquals(first.nextSoPin(), new String(backend.keys.open(serial, confirmed.currentSealed()), StandardCharsets.US_ASCII));
    }

    @Test
    void otpAttemptsCooldownSmsOutageAndSessionExpiryAreRefusedClearly() throws Exception {
        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
        HttpRegistryConnector desk = signedIn("DESK-004", "operator1");
        DeskSession session = desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", code(citizen, "PIN_UNBLOCK"), null, null));
        refused("OTP_NOT_SENT", () -> desk.verifyOtp(session.sessionId(), "123456"));
        backend.smsDown = true;
        try {
            refused("SMS_UNAVAILABLE", () -> desk.sendOtp(session.sessionId()));
        } finally {
            backend.smsDown = false;
        }
        assertTrue(desk.sendOtp(session.sessionId()).sent());
        assertFalse(desk.sendOtp(session.sessionId()).sent(), "a resend waits for the cooldown");
        String otp = backend.lastOtp(citizen.phone());
        String wrong = otp.equals("000000") ? "111111" : "000000";
        refused("OTP_WRONG", () -> desk.verifyOtp(session.sessionId(), wrong));
        refused("OTP_WRONG", () -> desk.verifyOtp(session.sessionId(), wrong));
        refused("OTP_NO_ATTEMPTS_LEFT", () -> desk.verifyOtp(session.sessionId(), wrong));
        refused("OTP_NO_ATTEMPTS_LEFT", () -> desk.verifyOtp(session.sessionId(), otp));
        backend.clock.advance(Duration.ofSeconds(61));
        assertTrue(desk.sendOtp(session.sessionId()).sent(), "after the cooldown a new code goes out");
        assertEquals("OTP_VERIFIED", desk.verifyOtp(session.sessionId(), backend.lastOtp(citizen.phone())).state());

        backend.clock.advance(org.regdesk.server.registry.internal.SessionDesk.SESSION_LIFETIME);
        refused("SESSION_EXPIRED", () -> desk.authorizeUnblock(session.sessionId(), TestBackend.cardOf(citizen,
                CardRecord.REFERENCE), new byte[16]));
    }

    @Test
    void anotherCitizensCardIsNeverAuthorized() throws Exception {
        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
        HttpRegistryConnector desk = signedIn("DESK-005", "operator1");
        DeskSession session = desk.openSession(new OpenSessionRequest("PIN_UNBLOCK", code(citizen, "PIN_UNBLOCK"), null, null));
        desk.sendOtp(session.sessionId());
        desk.verifyOtp(session.sessionId(), backend.lastOtp(citizen.phone()));
        refused("CARD_NOT_OF_CITIZEN", () -> desk.authorizeUnblock(session.sessionId(), DemoData.DEMO_CARD, new byte[16]));
        refused("INVALID_FIELD", () -> desk.authorizeUnblock(session.sessionId(),
                TestBackend.cardOf(citizen, CardRecord.REFERENCE), new byte[8]));
        refused("AUTHORIZATION_UNKNOWN", () -> desk.complete(session.sessionId(),
                new CompletionRequest("00000000-0000-0000-0000-000000000000", "SUCCEEDED", null)));
        assertEquals("ABORTED", desk.abort(session.sessionId()).state());
        refused("SESSION_CLOSED", () -> desk.sendOtp(session.sessionId()));
    }

    @Test
    void aDeskWithoutACertificateIsRefusedAndADownServerIsUnreachable() throws Exception {
        java.net.http.HttpClient plain = java.net.http.HttpClient.newBuilder()
                .sslContext(org.regdesk.backend.client.internal.PinnedTrust.sslContext(backend.serverCertificate())).build();
        java.net.http.HttpResponse<String> response = plain.send(java.net.http.HttpRequest.newBuilder(
                backend.base.resolve("/api/v1/operators/sign-in")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"operator1\",\"password\":\"x\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("DESK_CERTIFICATE_REQUIRED"), response.body());

        java.net.ServerSocket closed = new java.net.ServerSocket(0);
        int port = closed.getLocalPort();
        closed.close();
        HttpRegistryConnector nowhere = new HttpRegistryConnector(java.net.URI.create("https://127.0.0.1:" + port + "/"),
                backend.deskTls("DESK-001"), Duration.ofSeconds(2));
        RegistryException down = refused("UNREACHABLE", () -> nowhere.signIn("operator1", "x".toCharArray()));
        assertTrue(down.retryable());
    }

    @Test
    void signInIsOperatorAndDeskBoundAndAuditorsReadTheChain() throws Exception {
        HttpRegistryConnector desk = backend.desk("DESK-006");
        OperatorSignedIn signedIn = desk.signIn("auditor1", DemoData.OPERATOR_PASSWORD.toCharArray());
        assertEquals("AUDITOR", signedIn.role());
        assertEquals("DESK-006", signedIn.desk());
        assertFalse(signedIn.toString().contains(signedIn.token()), "the token never reaches a log line");
    }
}
