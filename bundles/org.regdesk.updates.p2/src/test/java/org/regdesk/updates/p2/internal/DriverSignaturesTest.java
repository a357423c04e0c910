package org.regdesk.updates.p2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regdesk.updates.UpdateException;
import org.regdesk.updates.UpdateException.Problem;

/** The desk's own jar check, against jars signed by the JDK's jarsigner and keys made by its keytool. */
class DriverSignaturesTest {

    @TempDir
    static Path work;
    private static Path trustedKeystore;
    private static X509Certificate trusted;
    private static Path caKeystore;
    private static X509Certificate ca;

    @BeforeAll
    static void keys() throws Exception {
        trustedKeystore = keypair("trusted", "CN=Desk Test Driver Signing");
        trusted = certificate(trustedKeystore, "trusted");
        caKeystore = keypair("ca", "CN=Test Driver CA");
        ca = certificate(caKeystore, "ca");
        // a code-signing key certified by that CA: its signature block carries [leaf, CA]
        Path leaf = keypair("leaf", "CN=Driver Release Key");
        Path request = work.resolve("leaf.csr");
        tool("keytool", "-certreq", "-keystore", leaf.toString(), "-storepass", "secret", "-alias", "leaf", "-file",
                request.toString());
        Path issued = work.resolve("leaf.crt");
        tool("keytool", "-gencert", "-keystore", caKeystore.toString(), "-storepass", "secret", "-alias", "ca", "-infile",
                request.toString(), "-outfile", issued.toString(), "-rfc");
        Path caFile = work.resolve("ca.crt");
        Files.write(caFile, ca.getEncoded());
        tool("keytool", "-importcert", "-noprompt", "-keystore", leaf.toString(), "-storepass", "secret", "-alias", "ca-cert",
                "-file", caFile.toString());
        tool("keytool", "-importcert", "-keystore", leaf.toString(), "-storepass", "secret", "-alias", "leaf", "-file",
                issued.toString());
    }

    @Test
    void aJarSignedWithTheTrustedKeyPasses() throws Exception {
        Path jar = sign(driverJar("ok"), trustedKeystore, "trusted");
        new DriverSignatures(List.of(trusted)).verify(jar.toFile());
    }

    @Test
    void anUnsignedJarIsRefusedAsUnsigned() throws Exception {
        assertRefused(Problem.UNSIGNED, new DriverSignatures(List.of(trusted)), driverJar("unsigned"));
    }

    @Test
    void aJarSignedBySomeoneElseIsRefusedAsUntrusted() throws Exception {
        Path stranger = keypair("stranger", "CN=Someone Else");
        assertRefused(Problem.UNTRUSTED, new DriverSignatures(List.of(trusted)), sign(driverJar("stranger"), stranger, "stranger"));
    }

    @Test
    void aClassChangedAfterSigningIsRefusedAsTampered() throws Exception {
        Path jar = sign(driverJar("changed"), trustedKeystore, "trusted");
        rewrite(jar, entries -> entries.put("org/example/Driver.class", "changed".getBytes(StandardCharsets.US_ASCII)));
        assertRefused(Problem.TAMPERED, new DriverSignatures(List.of(trusted)), jar);
    }

    @Test
    void aClassAddedAfterSigningIsRefusedAsTampered() throws Exception {
        Path jar = sign(driverJar("added"), trustedKeystore, "trusted");
        rewrite(jar, entries -> entries.put("org/example/Extra.class", new byte[] { 1, 2, 3 }));
        assertRefused(Problem.TAMPERED, new DriverSignatures(List.of(trusted)), jar);
    }

    @Test
    void trustingACaAcceptsKeysItCertifiedButNotAChainThatOnlyNamesIt() throws Exception {
        Path leafKeystore = work.resolve("leaf.p12");
        DriverSignatures trustsTheCa = new DriverSignatures(List.of(ca));
        trustsTheCa.verify(sign(driverJar("by-leaf"), leafKeystore, "leaf").toFile());

        // A signer can put any certificates into its signature block: [stranger, CA] must not pass.
        X509Certificate stranger = certificate(keypair("forger", "CN=Forger"), "forger");
        assertFalse(trustsTheCa.chainLeadsToTrusted(List.of(stranger, ca)));
        assertTrue(trustsTheCa.chainLeadsToTrusted(List.<Certificate>of(certificate(leafKeystore, "leaf"), ca)));
    }

    @Test
    void withNoTrustedCertificateConfiguredNothingIsInstalled() throws Exception {
        assertRefused(Problem.UNTRUSTED, new DriverSignatures(List.of()), sign(driverJar("none"), trustedKeystore, "trusted"));
    }

    private static void assertRefused(Problem expected, DriverSignatures signatures, Path jar) {
        UpdateException refused = assertThrows(UpdateException.class, () -> signatures.verify(jar.toFile()));
        assertEquals(expected, refused.problem(), refused.getMessage());
    }

    private static Path driverJar(String name) throws IOException {
        Path jar = work.resolve(name + ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "org.example.driver");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("org/example/Driver.class"));
            out.write(new byte[] { (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE });
            out.closeEntry();
        }
        return jar;
    }

    private static Path sign(Path jar, Path keystore, String alias) throws Exception {
        tool("jarsigner", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "secret", jar.toString(), alias);
        return jar;
    }

    private interface Change {
        void apply(Map<String, byte[]> entries);
    }

    private static void rewrite(Path jar, Change change) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (JarFile in = new JarFile(jar.toFile(), false)) {
            for (JarEntry entry : Collections.list(in.entries())) {
                try (InputStream content = in.getInputStream(entry)) {
                    entries.put(entry.getName(), content.readAllBytes());
                }
            }
        }
        change.apply(entries);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        Files.write(jar, bytes.toByteArray());
    }

    private static Path keypair(String alias, String subject) throws Exception {
        Path keystore = work.resolve(alias + ".p12");
        tool("keytool", "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "secret",
                "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-validity", "30", "-dname", subject, "-ext",
                alias.equals("ca") ? "bc:c" : "ku=digitalSignature");
        return keystore;
    }

    private static X509Certificate certificate(Path keystore, String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "secret".toCharArray());
        }
        return (X509Certificate) store.getCertificate(alias);
    }

    private static void tool(String name, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", name).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), () -> String.join(" ", command) + "\n" + output);
    }
}
