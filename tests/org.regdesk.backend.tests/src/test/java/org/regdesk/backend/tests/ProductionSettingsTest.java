package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regdesk.card.reference.TestPki;
import org.regdesk.card.reference.DemoTrust;
import org.regdesk.server.http.internal.ServerConfiguration;
import org.regdesk.server.http.internal.ServerSettings;
import org.regdesk.server.keys.KeystoreCardKeyService;
import org.regdesk.server.keys.PrivateFiles;
import org.regdesk.server.settings.SecretFiles;
import org.regdesk.server.settings.ServerMode;
import org.regdesk.server.settings.SettingRefusedException;
import org.regdesk.server.settings.internal.ProductionCheck;
import org.regdesk.server.settings.internal.ProductionCheck.Finding;

/**
 * What {@code regdesk-server check-config} and every production start check, on the configuration files the
 * server product ships ({@code features/org.regdesk.server.feature/rootfiles/etc}) filled the way the launcher
 * fills them: each missing setting is named, a complete production configuration passes, and secrets in the
 * configuration, readable secret files, wrong passwords and certificates out of date are refused.
 */
class ProductionSettingsTest {

    private static final Path SHIPPED_ETC = Path.of(System.getProperty("regdesk.checkout", "../.."))
            .resolve("features/org.regdesk.server.feature/rootfiles/etc");

    @TempDir
    Path folder;

    private Path etc;
    private final Map<String, String> variables = new HashMap<>();

    @BeforeEach
    void copyShippedConfiguration() throws Exception {
        etc = Files.createDirectories(folder.resolve("etc"));
        try (Stream<Path> files = Files.list(SHIPPED_ETC)) {
            for (Path file : files.toList()) {
                Files.copy(file, etc.resolve(file.getFileName()));
            }
        }
        variables.put("regdesk.demo", "false");
        variables.put("regdesk.identity.provider", "development"); // the launcher's default
    }

    @Test
    void aServerWithoutSettingsIsRefusedNamingEachMissingSetting() {
        List<Finding> findings = check(Instant.now());

        assertTrue(ProductionCheck.refuses(findings));
        assertEquals(List.of("tls.keystore.path", "tls.client.ca.path", "crl.path", "code.hash.key.file", "audit.key.file",
                "card.master.keystore.path", "trust.anchors",
                "identity.provider", "url.template"), refused(findings));
    }

    @Test
    void aCompleteProductionConfigurationPasses() throws Exception {
        productionMaterial();

        List<Finding> findings = check(Instant.now());

        assertEquals(List.of(), refused(findings), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.text().startsWith("server certificate") && f.text().contains("CN=RegDesk Test CA")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.text().startsWith("card master key 'regdesk-card-master'")), findings.toString());
    }

    @Test
    void demoSettingsAreRefusedInProduction() throws Exception {
        productionMaterial();
        variables.put("regdesk.demo", "true"); // demo data and the SMS outbox page, without development mode
        variables.put("regdesk.identity.provider", "development");

        assertEquals(List.of("identity.provider", "show", "demo.data"), refused(check(Instant.now())));
    }

    @Test
    void secretsMustBeInOwnerOnlyFiles() throws Exception {
        productionMaterial();
        Path password = Path.of(variables.get("regdesk.tls.keystore.password.file"));
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(etc.resolve("org.regdesk.server.store.cfg"), "\ndatabase.password = secret\n",
                java.nio.file.StandardOpenOption.APPEND);

        List<Finding> findings = check(Instant.now());

        assertEquals(List.of("tls.keystore.password.file", "database.password"), refused(findings));
        assertTrue(findings.stream().anyMatch(f -> f.text().contains("chmod 600 " + password)), findings.toString());
    }

    @Test
    void aWrongPasswordAndACertificateOutOfDateAreFoundBeforeTheStart() throws Exception {
        productionMaterial();
        Files.delete(Path.of(variables.get("regdesk.card.master.keystore.password.file")));
        PrivateFiles.write(Path.of(variables.get("regdesk.card.master.keystore.password.file")), "wrong");

        List<Finding> findings = check(Instant.now().plus(Duration.ofDays(365 * 40)));

        assertEquals(List.of("tls.keystore.path", "tls.client.ca.path", "crl.path", "card.master.keystore.path"), refused(findings),
                findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.text().contains("is not valid now")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.text().contains("wrong password")), findings.toString());
    }

    @Test
    void aNodeWithoutPortalMustNotWaitForIt() throws Exception {
        productionMaterial();
        Files.writeString(etc.resolve("org.regdesk.server.http.cfg"), Files.readString(etc.resolve("org.regdesk.server.http.cfg"))
                .replaceAll("ready.requires = .*", "ready.requires = registry, portal"));

        assertEquals(List.of("identity.provider"), refused(check(Instant.now())));
    }

    @Test
    void openIdConnectNeedsAnHttpsIssuerAClientIdAndItsSecretInAPrivateFile() throws Exception {
        productionMaterial();
        variables.put("regdesk.identity.provider", "oidc");
        assertEquals(List.of("issuer", "client.id", "client.secret.file"), refused(check(Instant.now())),
                "no etc/org.regdesk.server.portal.oidc.cfg yet");

        Path readable = folder.resolve("client.secret");
        Files.writeString(readable, "s3cret");
        Files.setPosixFilePermissions(readable, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Path oidc = etc.resolve("org.regdesk.server.portal.oidc.cfg");
        Files.writeString(oidc, "issuer = http://giris.example\nclient.id = regdesk-portal\nclient.secret.file = " + readable + "\n");
        List<Finding> findings = check(Instant.now());
        assertEquals(List.of("issuer", "client.secret.file"), refused(findings));
        assertTrue(findings.stream().anyMatch(f -> f.text().contains("chmod 600")), findings.toString());

        Files.writeString(oidc, "issuer = https://giris.example\nclient.id = regdesk-portal\nclient.secret.file = "
                + secret("oidc.secret", "s3cret") + "\n");
        assertEquals(List.of(), refused(check(Instant.now())));
    }

    @Test
    void theModeIsProductionUnlessSaidOtherwise() {
        assertEquals(ServerMode.PRODUCTION, ServerMode.from(null));
        assertEquals(ServerMode.PRODUCTION, ServerMode.from(" "));
        assertEquals(ServerMode.DEVELOPMENT, ServerMode.from("development"));
        SettingRefusedException typo = assertThrows(SettingRefusedException.class, () -> ServerMode.from("prod"));
        assertEquals("regdesk.mode", typo.setting());
        assertThrows(SettingRefusedException.class,
                () -> ServerMode.PRODUCTION.requireInProduction("tls.keystore.path", false, "is empty"));
        ServerMode.DEVELOPMENT.requireInProduction("tls.keystore.path", false, "is empty"); // development makes its own
    }

    /** Even an Equinox started without the launcher's check makes no development certificate in production. */
    @Test
    void theServerComponentRefusesToMakeUpItsCertificateInProduction() throws Exception {
        ServerConfiguration defaults = (ServerConfiguration) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] { ServerConfiguration.class },
                (proxy, method, arguments) -> method.getDefaultValue());

        SettingRefusedException refused = assertThrows(SettingRefusedException.class,
                () -> ServerSettings.from(defaults, "test", ServerMode.PRODUCTION));
        assertEquals("tls.keystore.path", refused.setting());
        assertTrue(ServerSettings.from(defaults, "test", ServerMode.DEVELOPMENT).productionKeystore().isEmpty());
    }

    @Test
    void aSecretFileIsReadOnlyWhenPrivate() throws Exception {
        Path file = folder.resolve("pin");
        PrivateFiles.write(file, " 123456\n");
        assertEquals("123456", new String(SecretFiles.read("pin.file", file)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        assertTrue(assertThrows(SettingRefusedException.class, () -> SecretFiles.read("pin.file", file)).getMessage()
                .contains("may be read by others"));
        assertTrue(assertThrows(SettingRefusedException.class, () -> SecretFiles.read("pin.file", folder.resolve("none")))
                .getMessage().contains("does not exist"));
        Path shortKey = folder.resolve("short.key");
        PrivateFiles.write(shortKey, java.util.Base64.getEncoder().encodeToString(new byte[16]));
        assertTrue(assertThrows(SettingRefusedException.class, () -> SecretFiles.readKey("code.hash.key.file", shortKey, 32))
                .getMessage().contains("has 16 bytes, at least 32"));
    }

    /**
     * An administrator's material: the server's keystore (the test CA's own key and certificate), the desk CA and
     * E-Onay trust (the test CA certificate), the card master key, an SMS gateway, no portal on this node.
     */
    private void productionMaterial() throws Exception {
        TestPki pki = new TestPki(7, TestPki.Endpoints.DEMO, TestPki.NES_POLICY);
        Path serverKeystore = folder.resolve("server.p12");
        pki.writeCaKeystore(serverKeystore, "server-pass".toCharArray());
        Path caPem = folder.resolve("ca.pem");
        Files.writeString(caPem, DemoTrust.pem("CERTIFICATE", pki.caCertificate().getEncoded()));
        Path master = folder.resolve("master.p12");
        KeystoreCardKeyService.writeKeystore(master, "master-pass".toCharArray(), "regdesk-card-master", new byte[16]);
        variables.put("regdesk.tls.keystore", serverKeystore.toString());
        variables.put("regdesk.tls.keystore.password.file", secret("server.password", "server-pass").toString());
        variables.put("regdesk.desk.ca", caPem.toString());
        Path crl = folder.resolve("desk-ca.crl");
        Files.write(crl, pki.crl(java.math.BigInteger.ONE).getEncoded());
        variables.put("regdesk.desk.crl", crl.toString());
        variables.put("regdesk.audit.key.file", secret("audit.key", java.util.Base64.getEncoder().encodeToString(new byte[40]))
                .toString());
        variables.put("regdesk.code.hash.key.file", secret("code-hash.key", java.util.Base64.getEncoder().encodeToString(new byte[32]))
                .toString());
        variables.put("regdesk.card.master.keystore", master.toString());
        variables.put("regdesk.card.master.keystore.password.file", secret("master.password", "master-pass").toString());
        variables.put("regdesk.eonay.trust.anchors", caPem.toString());
        variables.put("regdesk.identity.provider", "none");
        Files.writeString(etc.resolve("org.regdesk.server.http.cfg"), Files.readString(etc.resolve("org.regdesk.server.http.cfg"))
                .replaceAll("ready.requires = .*", "ready.requires = registry, PIN_UNBLOCK"));
        Files.writeString(etc.resolve("org.regdesk.server.otp.http.cfg"), "url.template = https://sms.example/send?to={to}&msg={text}\n");
    }

    private Path secret(String name, String value) throws Exception {
        Path file = folder.resolve(name);
        PrivateFiles.write(file, value);
        return file;
    }

    private List<Finding> check(Instant now) {
        return ProductionCheck.run(etc, variables::get, now);
    }

    private static List<String> refused(List<Finding> findings) {
        return findings.stream().filter(Finding::refused).map(Finding::setting).toList();
    }
}
