package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import org.bouncycastle.asn1.x509.CRLReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.regdesk.backend.api.v1.CertificateApplication;
import org.regdesk.backend.api.v1.CertificateApplicationRequest;
import org.regdesk.backend.api.v1.ConsentText;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.EOnaySubmission;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.client.internal.HttpRegistryConnector;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.reference.TestCardFactory;
import org.regdesk.eonay.ConsentSigner;
import org.regdesk.eonay.EOnayFlow;
import org.regdesk.server.ca.RevocationReason;
import org.regdesk.server.desk.Actor;
import org.regdesk.server.store.Operator;
import org.regdesk.server.revocation.internal.OcspCrlClient;
import org.regdesk.server.store.CardRecord;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.DemoData;

/**
 * E-Onay through the desk API, on one database (subclasses: H2, PostgreSQL): a real reference card
 * signs, the registry verifies and records; replays, revoked certificates and wrong sessions are
 * refused, each with its own code and the refusal audited; withdrawal; E-Onay-backed applications and
 * the renewal queue. Each test has its own citizen and card.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EOnayApiContract {

    private static final String PIN = "482915";

    TestBackend backend;
    private HttpRegistryConnector desk;

    abstract TestDatabase database();

    @BeforeAll
    void start() throws Exception {
        backend = new TestBackend(Files.createTempDirectory("regdesk-eonay-" + database()), database());
        desk = backend.desk("DESK-001");
        desk.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
    }

    @AfterAll
    void stop() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    /** A citizen of the registry with a reference card from the demo CA, PIN set. */
    private record CitizenWithCard(Citizen citizen, CardSession card, BigInteger certificateSerial) {
    }

    private CitizenWithCard citizenWithCard() throws Exception {
        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
        String serial = TestBackend.cardOf(citizen, CardRecord.REFERENCE);
        CardSession card = ReferenceCardWithPin.create(backend.demoCa, serial,
                new TestCardFactory.Holder(citizen.fullName(), citizen.tckn().value()), PIN);
        backend.issued(serial, card.certificates().get(0).certificate());
        return new CitizenWithCard(citizen, card, card.certificates().get(0).certificate().getSerialNumber());
    }

    private DeskSession eOnaySession(Citizen citizen) throws Exception {
        String code = backend.registry.issueCode(citizen.tckn(), "E_ONAY").orElseThrow().digits();
        return desk.openSession(new OpenSessionRequest("E_ONAY", code, null, null));
    }

    private EOnayFlow.Result sign(CitizenWithCard who, String kind) throws Exception {
        return sign(who, kind, eOnaySession(who.citizen()));
    }

    private EOnayFlow.Result sign(CitizenWithCard who, String kind, DeskSession session) throws Exception {
        ConsentText text = desk.consentText(session.sessionId(), kind);
        return new EOnayFlow(desk).signAndSubmit(session.sessionId(), text, Instant.now(), who.card(),
                who.card().certificates().get(0), PIN.toCharArray(), step -> {
                });
    }

    @Test
    void consentIsVerifiedRecordedShownOnThePortalThenWithdrawn() throws Exception {
        CitizenWithCard who = citizenWithCard();
        DeskSession session = eOnaySession(who.citizen());
        assertEquals("NONE", desk.eOnayStatus(session.sessionId()).state());
        ConsentText text = desk.consentText(session.sessionId(), "CONSENT");
        assertEquals(1, text.version());
        assertTrue(text.text().endsWith("KABUL EDİYORUM."), text.text());
        assertEquals(org.regdesk.server.eonay.ConsentTexts.current(org.regdesk.server.eonay.ConsentTexts.Kind.CONSENT).sha256(),
                text.sha256());
        EOnayFlow.Result given = new EOnayFlow(desk).signAndSubmit(session.sessionId(), text, Instant.now(), who.card(),
                who.card().certificates().get(0), PIN.toCharArray(), step -> {
                });
        assertEquals("GIVEN", given.recorded().state());
        assertEquals("COMPLETED", desk.session(session.sessionId()).state());
        assertEquals("GIVEN", backend.registry.eOnayState(who.citizen().tckn()).orElseThrow(), "what the portal shows");

        DeskSession again = eOnaySession(who.citizen());
        assertEquals("GIVEN", desk.eOnayStatus(again.sessionId()).state());
        RegistryApiContract.refused("EONAY_ALREADY_GIVEN", () -> desk.submitEOnay(again.sessionId(),
                new EOnaySubmission("CONSENT", 1, Base64.getEncoder().encodeToString(new byte[] { 1 }), Instant.now())));
        assertEquals("WITHDRAWN", sign(who, "WITHDRAWAL").recorded().state());
        assertEquals("WITHDRAWN", backend.registry.eOnayState(who.citizen().tckn()).orElseThrow());
        assertTrue(auditActions().containsAll(List.of("EONAY_TEXT_SHOWN:CONSENT", "EONAY_SUBMIT:RECORDED",
                "EONAY_TEXT_SHOWN:WITHDRAWAL")), auditActions().toString());
    }

    @Test
    void aReplayedSignatureAndWrongInputAreRefused() throws Exception {
        CitizenWithCard who = citizenWithCard();
        DeskSession first = eOnaySession(who.citizen());
        ConsentText text = desk.consentText(first.sessionId(), "CONSENT");
        byte[] cms = ConsentSigner.sign(verified(who), who.card().certificates().get(0),
                text.text().getBytes(StandardCharsets.UTF_8), Instant.now()).cms();
        EOnaySubmission submission = new EOnaySubmission("CONSENT", 1, Base64.getEncoder().encodeToString(cms), Instant.now());
        desk.submitEOnay(first.sessionId(), submission);
        sign(who, "WITHDRAWAL");
        DeskSession replay = eOnaySession(who.citizen());
        RegistryApiContract.refused("EONAY_REPLAY", () -> desk.submitEOnay(replay.sessionId(), submission));

        RegistryApiContract.refused("EONAY_TEXT_VERSION", () -> desk.submitEOnay(replay.sessionId(),
                new EOnaySubmission("CONSENT", 0, submission.signature(), Instant.now())));
        RegistryApiContract.refused("INVALID_FIELD", () -> desk.submitEOnay(replay.sessionId(),
                new EOnaySubmission("CONSENT", 1, "%%%", Instant.now())));
        RegistryApiContract.refused("EONAY_MALFORMED", () -> desk.submitEOnay(replay.sessionId(),
                new EOnaySubmission("CONSENT", 1, Base64.getEncoder().encodeToString("junk".getBytes()), Instant.now())));

        Citizen other = backend.newCitizen(CardRecord.REFERENCE); // this citizen's hourly code budget is spent
        String pinSession = desk.openSession(new OpenSessionRequest("PIN_UNBLOCK",
                backend.registry.issueCode(other.tckn(), "PIN_UNBLOCK").orElseThrow().digits(), null, null)).sessionId();
        RegistryApiContract.refused("WRONG_PURPOSE", () -> desk.eOnayStatus(pinSession));
    }

    /**
     * The CA's live word decides, asked at the responder the certificate names (here: this server's):
     * suspended → refused as on hold; resumed → accepted; revoked → refused for good. With the responder
     * down and only a stale CRL, nothing is recorded and the reason says why.
     */
    @Test
    void suspendedRevokedAndUncheckableCertificatesCannotGiveEOnay() throws Exception {
        CitizenWithCard who = citizenWithCard();
        Actor operator = new Actor("operator1", Operator.Role.OPERATOR, "DESK-001");
        backend.ca.authority().suspend(who.certificateSerial(), operator); // lost card: the citizen suspended it
        RegistryApiContract.refused("EONAY_CERTIFICATE_ON_HOLD", () -> sign(who, "CONSENT"));
        backend.ca.authority().resume(who.certificateSerial(), operator); // found again
        assertEquals("GIVEN", sign(who, "CONSENT").recorded().state());
        assertTrue(backend.auditRecords().stream().anyMatch(record -> "RECORDED".equals(record.outcome())
                && "OCSP".equals(record.details().get("revocationCheckedBy"))), "checked live at the responder");

        Path staleCrl = Files.createTempFile("regdesk-stale", ".crl");
        Files.write(staleCrl, backend.demoCa.pki().crl(BigInteger.TEN, Instant.now().minus(Duration.ofDays(3)),
                Instant.now().minus(Duration.ofDays(1)), CRLReason.keyCompromise).getEncoded());
        int closedPort = TestBackend.closedPort();
        backend.useRevocation(new OcspCrlClient.Settings(Optional.of(URI.create("https://localhost:" + closedPort + "/ocsp")),
                List.of(staleCrl.toUri()), Duration.ofSeconds(2), Duration.ofMinutes(5)));
        try {
            RegistryApiContract.refused("EONAY_REVOCATION_UNAVAILABLE", () -> sign(who, "WITHDRAWAL"));
        } finally {
            backend.useRevocation(backend.revocationHere());
        }
        String why = backend.auditRecords().stream().filter(record -> "EONAY_REVOCATION_UNAVAILABLE".equals(record.outcome()))
                .map(record -> record.details().get("why")).findFirst().orElseThrow();
        assertTrue(why.contains("OCSP https://localhost:" + closedPort) && why.contains("stale"), why);
        assertEquals("GIVEN", backend.registry.eOnayState(who.citizen().tckn()).orElseThrow(), "nothing recorded");

        backend.ca.authority().revoke(who.certificateSerial(), RevocationReason.KEY_COMPROMISE, operator);
        RegistryApiContract.refused("EONAY_CERTIFICATE_REVOKED", () -> sign(who, "WITHDRAWAL"));
        assertTrue(auditActions().containsAll(List.of("EONAY_SUBMIT:EONAY_CERTIFICATE_ON_HOLD",
                "EONAY_SUBMIT:EONAY_CERTIFICATE_REVOKED")), "the refusals are audited");
    }

    @Test
    void applicationsRestOnEOnayAndARenewalWaitsUntilTwoMonthsBeforeExpiry() throws Exception {
        DeskSession zeynep = eOnaySession(backend.registry.citizen(DemoData.ZEYNEP).orElseThrow());
        RegistryApiContract.refused("EONAY_REQUIRED", () -> desk.applyForCertificate(
                new CertificateApplicationRequest(zeynep.sessionId(), "NEW")));
        CitizenWithCard who = citizenWithCard();
        DeskSession visit = eOnaySession(who.citizen());
        sign(who, "CONSENT", visit);
        CertificateApplication fresh = desk.applyForCertificate(new CertificateApplicationRequest(visit.sessionId(), "NEW"));
        assertEquals(List.of("READY", "E_ONAY"), List.of(fresh.state(), fresh.basis()));
        assertEquals(who.citizen().tckn().masked(), fresh.tckn(), "the citizen is the session's");
        RegistryApiContract.refused("NO_CURRENT_CERTIFICATE", () -> desk.applyForCertificate(
                new CertificateApplicationRequest(visit.sessionId(), "RENEWAL")));
        RegistryApiContract.refused("INVALID_FIELD", () -> desk.applyForCertificate(
                new CertificateApplicationRequest(visit.sessionId(), "UPGRADE")));
        RegistryApiContract.refused("INVALID_FIELD", () -> desk.applyForCertificate(new CertificateApplicationRequest(null, "NEW")));

        // AYŞE's demo card certificate runs until 2029-01-14: a renewal is ready from 2028-11-14. She gave E-Onay on an
        // earlier visit; this visit's session (her verification code) proves who she is
        CitizenWithCard ayse = demoCitizenSigning();
        DeskSession ayseVisit = eOnaySession(ayse.citizen());
        CertificateApplication renewal = desk.applyForCertificate(new CertificateApplicationRequest(ayseVisit.sessionId(), "RENEWAL"));
        assertEquals("WAITING", renewal.state());
        assertEquals(renewal.currentCertificateNotAfter().atZone(ZoneOffset.UTC).minusMonths(2).toInstant(), renewal.readyAt());
        List<CertificateApplication> queue = desk.certificateApplications();
        assertTrue(queue.indexOf(find(queue, fresh.id())) < queue.indexOf(find(queue, renewal.id())), "the soonest ready first");
        assertEquals(who.citizen().tckn().masked(), find(queue, fresh.id()).tckn(), "masked on the desk screens");
        var otherDesk = backend.desk("DESK-002");
        otherDesk.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
        assertTrue(otherDesk.certificateApplications().stream().noneMatch(application -> application.id().equals(fresh.id())),
                "another desk's queue is its own");
        RegistryApiContract.refused("SESSION_UNKNOWN", () -> otherDesk.applyForCertificate(
                new CertificateApplicationRequest(visit.sessionId(), "NEW")));
        var supervisor = backend.desk("DESK-003");
        supervisor.signIn("supervisor1", DemoData.OPERATOR_PASSWORD.toCharArray());
        assertTrue(supervisor.certificateApplications().stream().anyMatch(application -> application.id().equals(fresh.id())),
                "a supervisor sees every desk's");

        // the visit ended (the operator cancelled it): the session no longer carries an application
        desk.abort(ayseVisit.sessionId());
        RegistryApiContract.refused("EONAY_SESSION_REQUIRED", () -> desk.applyForCertificate(
                new CertificateApplicationRequest(ayseVisit.sessionId(), "NEW")));
        ayse.card().close();
    }

    /** AYŞE of the demo data gives E-Onay with a card made for her. */
    private CitizenWithCard demoCitizenSigning() throws Exception {
        CardSession card = ReferenceCardWithPin.create(backend.demoCa, DemoData.DEMO_CARD,
                new TestCardFactory.Holder("AYŞE YILMAZ", DemoData.AYSE.value()), PIN);
        backend.issued(DemoData.DEMO_CARD, card.certificates().get(0).certificate());
        CitizenWithCard ayse = new CitizenWithCard(backend.registry.citizen(DemoData.AYSE).orElseThrow(), card,
                card.certificates().get(0).certificate().getSerialNumber());
        if (!"GIVEN".equals(backend.registry.eOnayState(DemoData.AYSE).orElse(""))) {
            sign(ayse, "CONSENT");
        }
        return ayse;
    }

    private static CertificateApplication find(List<CertificateApplication> queue, String id) {
        return queue.stream().filter(application -> application.id().equals(id)).findFirst().orElseThrow();
    }

    private CardSession verified(CitizenWithCard who) throws Exception {
        who.card().verifyPin(PIN.toCharArray());
        return who.card();
    }

    private List<String> auditActions() {
        return backend.auditRecords().stream().map(record -> record.action() + ":" + record.outcome()).toList();
    }
}
