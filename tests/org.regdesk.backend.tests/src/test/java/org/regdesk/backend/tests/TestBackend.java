package org.regdesk.backend.tests;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.regdesk.backend.api.PhoneNumber;
import org.regdesk.backend.api.Tckn;
import org.regdesk.backend.client.internal.HttpRegistryConnector;
import org.regdesk.backend.client.internal.PinnedTrust;
import org.regdesk.card.reference.DemoTrust;
import org.regdesk.card.reference.TestCardFactory;
import org.regdesk.card.reference.TestPki;
import org.regdesk.card.reference.VirtualCardHost;
import org.regdesk.server.ca.reference.internal.ReferenceCaAssembly;
import org.regdesk.server.certificates.internal.CertificateRoutes;
import org.regdesk.server.certificates.internal.CertificateStatusOperation;
import org.regdesk.server.codes.internal.VerificationCodes;
import org.regdesk.server.desk.DeskOperation;
import org.regdesk.server.desk.http.DeskRoutes;
import org.regdesk.server.eonay.TrustFiles;
import org.regdesk.server.portal.certificates.internal.CertificatesPortalSection;
import org.regdesk.server.revocation.internal.OcspCrlClient;
import org.regdesk.server.revocation.internal.RevocationComponent;
import org.regdesk.server.eonay.internal.EOnayOperation;
import org.regdesk.server.eonay.internal.EOnayRoutes;
import org.regdesk.server.http.internal.RegdeskServer;
import org.regdesk.server.http.internal.RouteDispatcher;
import org.regdesk.server.http.internal.ServerSettings;
import org.regdesk.server.keys.KeystoreCardKeyService;
import org.regdesk.server.otp.SmsGateway;
import org.regdesk.server.otp.internal.SmsOneTimeCodes;
import org.regdesk.server.otp.internal.SmsOutbox;
import org.regdesk.server.otp.internal.SmsOutboxRoutes;
import org.regdesk.server.otp.internal.SmsText;
import org.regdesk.server.portal.internal.DevelopmentIdentityProvider;
import org.regdesk.server.portal.internal.PortalPages;
import org.regdesk.server.registry.CitizenRegistry;
import org.regdesk.server.registry.internal.AuditTrailService;
import org.regdesk.server.registry.internal.CitizenRegistryService;
import org.regdesk.server.registry.internal.OperatorAccess;
import org.regdesk.server.registry.internal.RegistryRoutes;
import org.regdesk.server.registry.internal.SessionDesk;
import org.regdesk.server.store.CardRecord;
import org.regdesk.server.store.Cards;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.Citizens;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.DemoData;
import org.regdesk.server.store.Desk;
import org.regdesk.server.store.JdbcCodeStore;
import org.regdesk.server.store.Operators;
import org.regdesk.server.unblock.internal.UnblockOperation;
import org.regdesk.server.unblock.internal.UnblockRoutes;

/**
 * regdesk-server as the product composes it (registry core, the unblock and E-Onay operations, portal,
 * outbox on the real Jetty server over TLS with the development desk CA), wired by hand as the DS
 * components wire it, without OSGi, so tests can hold the clock and the database.
 */
final class TestBackend implements AutoCloseable {

    static final List<String> DESKS = List.of("DESK-001", "DESK-002", "DESK-003", "DESK-004", "DESK-005", "DESK-006",
            "DESK-UNREGISTERED");

    final Path data;
    final MutableClock clock = new MutableClock();
    final Database database;
    final byte[] masterKey = new byte[16];
    private final Path masterKeystore;
    final KeystoreCardKeyService keys;
    final SmsOutbox outbox = new SmsOutbox();
    volatile boolean smsDown;
    /** The newest SMS per phone: the outbox keeps only its last messages, a soak sends thousands. */
    private final java.util.Map<PhoneNumber, String> lastText = new java.util.concurrent.ConcurrentHashMap<>();
    final AuditTrailService audit;
    /** The audit key of this server (shared by the nodes of a test cluster). */
    final org.regdesk.server.audit.internal.AuditSeal auditSeal;
    final OperatorAccess operators;
    final SessionDesk sessions;
    /** The registry as the portal sees it: verification codes, the citizen's records. */
    final CitizenRegistry registry;
    /** The demo cards' test CA ({@link VirtualCardHost#DEMO_SEED}) is the E-Onay trust anchor. */
    final TestCardFactory demoCa;
    final TrustFiles eOnayTrust;
    /** E-Onay's revocation checker: this server's OCSP responder and CRL until a test points it elsewhere. */
    private volatile OcspCrlClient revocation;
    /** The reference CA on the demo CA's key (PKCS#12), learning issued certificates from {@link #issuedFolder}. */
    final ReferenceCaAssembly ca;
    final Path issuedFolder;
    final RegdeskServer server;
    private final RouteDispatcher routes = new RouteDispatcher();
    /** The portal's identity provider: the development one, or a test's (an IdentityProvider or a RedirectIdentityProvider). */
    volatile Object identityProvider;
    /** Every exchange of the test checked against docs/api/openapi.yaml; {@link #close} fails on a mismatch. */
    final OpenApiCheck openApi = new OpenApiCheck(routes);
    private final List<org.regdesk.server.http.HttpRoutes> served;
    final URI base;
    private int nextCitizen = 100;

    /** Where the reference CA's signing key lives; the test CA's key and certificate are put there first. */
    @FunctionalInterface
    interface CaKeyPlace {
        ReferenceCaAssembly assemble(TestPki pki, Path folder, Optional<Path> issued, Database database, Clock clock)
                throws Exception;

        /** A PKCS#12 file with its password in a file beside it. */
        CaKeyPlace PKCS12 = (pki, folder, issued, database, clock) -> {
            Path keystore = folder.resolve("ca.p12");
            pki.writeCaKeystore(keystore, "ca-pw".toCharArray());
            org.regdesk.server.keys.PrivateFiles.write(folder.resolve("ca.password"), "ca-pw");
            return ReferenceCaAssembly.pkcs12(TestPki.Endpoints.DEMO.caId(), keystore, folder.resolve("ca.password"), "", issued,
                    Duration.ofHours(24), database, clock);
        };
    }

    TestBackend(Path data, TestDatabase choice) throws Exception {
        this(data, choice, null);
    }

    /** @param masterKey the card master key (e.g. the one test cards were made with); null = random */
    TestBackend(Path data, TestDatabase choice, byte[] masterKey) throws Exception {
        this(data, choice, masterKey, CaKeyPlace.PKCS12);
    }

    TestBackend(Path data, TestDatabase choice, byte[] masterKey, CaKeyPlace caKey) throws Exception {
        this(data, Node.alone(choice.settings(data)), masterKey, caKey);
    }

    /**
     * Where this server runs and what it shares with other nodes of a cluster: the database (the first node
     * loads the demo registry into it), the code hash key, its port, the SMS provider it hands texts to
     * (empty: an in-memory outbox), and whether a load balancer's PROXY protocol header precedes each connection.
     */
    record Node(org.regdesk.server.store.DatabaseSettings database, boolean first, byte[] codeKey, int port,
            Optional<String> smsProvider, boolean behindBalancer) {
        static Node alone(org.regdesk.server.store.DatabaseSettings database) {
            byte[] codeKey = new byte[32];
            new SecureRandom().nextBytes(codeKey);
            return new Node(database, true, codeKey, 0, Optional.empty(), false);
        }
    }

    TestBackend(Path data, Node node, byte[] masterKey, CaKeyPlace caKey) throws Exception {
        this.data = data;
        demoCa = new TestCardFactory(VirtualCardHost.DEMO_SEED);
        database = Database.open(node.database());
        if (node.first()) {
            DemoData.load(database);
            Operators accounts = new Operators(database);
            for (String desk : DESKS.subList(2, DESKS.size() - 1)) {
                accounts.insertDesk(new Desk(desk, desk, "test", true));
            }
        }
        if (masterKey == null) {
            new SecureRandom().nextBytes(this.masterKey);
        } else {
            System.arraycopy(masterKey, 0, this.masterKey, 0, 16);
        }
        masterKeystore = Files.createTempFile(data, "master", ".p12");
        Path keystore = masterKeystore;
        KeystoreCardKeyService.writeKeystore(keystore, "pw".toCharArray(), "master", this.masterKey);
        keys = KeystoreCardKeyService.open(keystore, "pw".toCharArray(), "master");
        SmsGateway provider = node.smsProvider().<SmsGateway>map(template -> new org.regdesk.server.otp.internal.HttpSmsGateway(
                template, "GET", Duration.ofSeconds(5))).orElse(outbox::send);
        SmsGateway sms = (to, text) -> {
            if (smsDown) {
                throw new SmsGateway.SmsException("provider down (test)", null);
            }
            provider.send(to, text);
            lastText.put(to, text);
        };
        byte[] codeKey = node.codeKey();
        SecureRandom random = new SecureRandom();
        VerificationCodes codes = new VerificationCodes(new JdbcCodeStore(database), new org.regdesk.server.store.JdbcAttemptWindows(database), codeKey, clock, random);
        auditSeal = new org.regdesk.server.audit.internal.AuditSeal(codeKey); // one shared secret per test cluster serves both keys
        audit = new AuditTrailService(database, clock, auditSeal, Optional.of(data.resolve("audit").resolve("checkpoints.jsonl")));
        operators = new OperatorAccess(database, audit, clock, random);
        Map<String, DeskOperation> installed = Map.of(UnblockOperation.ID, new UnblockOperation(), EOnayOperation.ID,
                new EOnayOperation(), CertificateStatusOperation.ID, new CertificateStatusOperation());
        sessions = new SessionDesk(database, codes, new SmsOneTimeCodes(database, sms, SmsText.DEFAULT, codeKey, clock, random), audit,
                id -> Optional.ofNullable(installed.get(id)), clock);
        registry = new CitizenRegistryService(database, codes, audit);
        Path anchor = Files.createDirectories(data.resolve("trust")).resolve("ca.pem");
        Files.writeString(anchor, DemoTrust.pem("CERTIFICATE", demoCa.testCaCertificate().getEncoded()));
        eOnayTrust = new TrustFiles(List.of(anchor), java.util.Set.of(TestPki.NES_POLICY),
                (certificate, issuer) -> revocation.check(certificate, issuer));
        issuedFolder = Files.createDirectories(data.resolve("ca/issued"));
        identityProvider = new DevelopmentIdentityProvider(new Citizens(database));
        ca = caKey.assemble(demoCa.pki(), node.port() == 0 ? data.resolve("ca") : Files.createTempDirectory(data, "ca-"),
                Optional.of(issuedFolder), database, clock);
        served = List.of(ca.routes(), new CertificateRoutes(sessions, audit, database, operators, () -> Optional.of(ca.authority())),
                new RegistryRoutes(new DeskRoutes(database, operators, audit), operators,
                        new org.regdesk.server.registry.internal.OperatorCardSignIn(database, operators, audit, clock, random), sessions,
                        audit),
                new UnblockRoutes(sessions, audit, keys, database, operators, clock),
                new EOnayRoutes(sessions, audit, database, operators, eOnayTrust, clock), new SmsOutboxRoutes(outbox),
                new PortalPages(registry, audit, () -> identityProvider, Optional.empty(), () -> List.of(new CertificatesPortalSection(audit, () -> Optional.of(ca.authority()))), database, clock));
        served.forEach(routes::add);
        routes.addRefusalListener(new org.regdesk.server.registry.internal.DispatcherRefusalAudit(audit));
        ServerSettings development = ServerSettings.development("127.0.0.1", node.port(), data, DESKS);
        server = new RegdeskServer(new ServerSettings(development.host(), development.port(), true, data, Optional.empty(),
                Optional.empty(), DESKS, "test", node.behindBalancer()), Clock.systemUTC(), openApi,
                new org.regdesk.server.http.internal.ReadinessHandler.Readiness(List.of("registry", "portal", UnblockOperation.ID,
                        EOnayOperation.ID, CertificateStatusOperation.ID), routes::names));
        base = server.start();
        useRevocation(revocationHere());
    }

    /** OCSP and CRL of this server, by name as a relying party reaches it (the test certificates name port 8443). */
    OcspCrlClient.Settings revocationHere() {
        String here = "https://localhost:" + base.getPort();
        return new OcspCrlClient.Settings(Optional.of(URI.create(here + "/ocsp")), List.of(URI.create(here + "/crl/"
                + TestPki.Endpoints.DEMO.caId() + ".crl")), Duration.ofSeconds(5), Duration.ofMinutes(5));
    }

    /** A local port nothing listens on (it was free a moment ago): a responder that is down. */
    static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Points E-Onay's revocation checks at other sources (a responder that is down, a stale CRL file). */
    void useRevocation(OcspCrlClient.Settings settings) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(settings.timeout())
                .sslContext(RevocationComponent.trusting(List.of(serverCertificate()))).build();
        revocation = new OcspCrlClient(settings, http, Clock.systemUTC());
    }

    /** Hands a card's certificate to the reference CA, as the personalization bureau does: {@code <card>.pem} in its folder. */
    void issued(String cardSerial, java.security.cert.X509Certificate certificate) throws Exception {
        Files.writeString(issuedFolder.resolve(cardSerial + ".pem"), DemoTrust.pem("CERTIFICATE", certificate.getEncoded()));
    }

    /** A qualified certificate for a new key, valid since yesterday for two years, issued onto the card and handed to the CA. */
    java.security.cert.X509Certificate issueQualified(String holderName, Tckn holder, String cardSerial, TestPki.KeyType type)
            throws Exception {
        TestPki pki = demoCa.pki();
        java.security.KeyPair keys = type.generate(new SecureRandom());
        java.time.Instant now = java.time.Instant.now();
        java.security.cert.X509Certificate certificate = pki.issue(keys.getPublic(), new TestCardFactory.Holder(holderName,
                holder.value()), pki.randomSerial(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(730)),
                org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation, true);
        issued(cardSerial, certificate);
        return certificate;
    }

    /** The audit trail as stored. */
    List<org.regdesk.server.audit.internal.AuditRecord> auditRecords() {
        audit.writeChainNow(); // requests' records reach the chain shortly after their answers
        return new org.regdesk.server.store.JdbcAuditStore(database, auditSeal).all();
    }

    /** Every route this server serves (the core's, the operations', the portal's, the outbox's). */
    List<org.regdesk.server.http.Route> servedRoutes() {
        return served.stream().flatMap(contribution -> contribution.routes().stream()).toList();
    }

    RouteDispatcher routes() {
        return routes;
    }

    /** Issues desk certificates beyond {@link #DESKS} (the server trusts the same development desk CA). */
    org.regdesk.server.http.internal.DevelopmentDeskAuthority deskAuthority() throws Exception {
        org.regdesk.server.http.internal.DevelopmentDeskAuthority authority =
                new org.regdesk.server.http.internal.DevelopmentDeskAuthority(data, Clock.systemUTC());
        authority.ensureCa();
        return authority;
    }

    Path serverCertificate() {
        return data.resolve("tls").resolve("server.crt");
    }

    /** The workstation's connector as the given desk, over mutual TLS. */
    HttpRegistryConnector desk(String deskId) throws Exception {
        Path desks = data.resolve("desks");
        return new HttpRegistryConnector(base, PinnedTrust.sslContext(serverCertificate(), desks.resolve(deskId + ".p12"),
                desks.resolve(deskId + ".password")), Duration.ofSeconds(20));
    }

    javax.net.ssl.SSLContext deskTls(String deskId) throws Exception {
        Path desks = data.resolve("desks");
        return PinnedTrust.sslContext(serverCertificate(), desks.resolve(deskId + ".p12"), desks.resolve(deskId + ".password"));
    }

    /** The 6 digits of the newest SMS to this number. */
    String lastOtp(PhoneNumber to) {
        String text = lastText.get(to);
        Matcher digits = Pattern.compile("\\b(\\d{6})\\b").matcher(text == null ? "" : text);
        if (!digits.find()) {
            throw new AssertionError("no SMS to " + to.masked());
        }
        return digits.group(1);
    }

    /** The SO PIN every PKCS11 test card is registered with. */
    static final String FIRST_SO_PIN = "SO-OLD-1234";

    /** A fresh citizen with one card of the profile (its own rate-limit budget); PKCS11 cards get an SO PIN. */
    synchronized Citizen newCitizen(String profile) throws Exception {
        return newCitizen(profile, null);
    }

    /** As {@link #newCitizen(String)}, with the card's serial as a real token reports it (null: made up). */
    synchronized Citizen newCitizen(String profile, String cardSerial) throws Exception {
        String tckn = validTckn(String.format("5%08d", nextCitizen++));
        Citizen citizen = new Citizen(new Tckn(tckn), "TEST", "CITIZEN " + nextCitizen, java.time.LocalDate.of(1990, 1, 2),
                new PhoneNumber("+9055" + tckn.substring(3, 11)), "Z" + tckn.substring(3));
        new Citizens(database).insert(citizen, null);
        String serial = cardSerial != null ? cardSerial : (CardRecord.PKCS11.equals(profile) ? "PK" : "RD") + tckn.substring(1);
        new Cards(database).insert(serial, citizen.tckn(), profile, "test",
                CardRecord.PKCS11.equals(profile) ? keys.seal(serial, FIRST_SO_PIN.getBytes()) : null);
        return citizen;
    }

    static String cardOf(Citizen citizen, String profile) {
        return (CardRecord.PKCS11.equals(profile) ? "PK" : "RD") + citizen.tckn().value().substring(1);
    }

    static String validTckn(String firstNine) {
        for (int tenth = 0; tenth < 10; tenth++) {
            for (int eleventh = 0; eleventh < 10; eleventh++) {
                String candidate = firstNine + tenth + eleventh;
                if (Tckn.isValid(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalArgumentException(firstNine);
    }

    @Override
    public void close() throws Exception {
        server.stop();
        audit.close();
        database.close();
        Files.deleteIfExists(masterKeystore);
        if (!openApi.violations().isEmpty()) {
            throw new AssertionError(openApi.violations().size() + " of " + openApi.checked()
                    + " exchanges do not match docs/api/openapi.yaml:\n" + String.join("\n", openApi.violations()));
        }
    }
}
