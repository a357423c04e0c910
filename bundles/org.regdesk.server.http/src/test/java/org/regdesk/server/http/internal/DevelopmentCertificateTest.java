package org.regdesk.server.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentCertificateTest {

    @TempDir
    Path directory;

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void theCertificateNamesTheLoopbackAddressesAClientWillDial() throws Exception {
        X509Certificate certificate = new DevelopmentCertificate(directory, Clock.fixed(NOW, ZoneOffset.UTC)).ensure()
                .certificate();
        Set<String> names = certificate.getSubjectAlternativeNames().stream().map(entry -> String.valueOf(entry.get(1)))
                .collect(Collectors.toSet());
        assertTrue(names.containsAll(List.of("localhost", "127.0.0.1")), names.toString());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), certificate.getExtendedKeyUsage());
        assertEquals(-1, certificate.getBasicConstraints(), "must not be a CA certificate");
    }

    @Test
    void thePasswordFileIsReadableByItsOwnerOnly() throws Exception {
        DevelopmentCertificate.Material material = new DevelopmentCertificate(directory, Clock.systemUTC()).ensure();
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(material.passwordFile()));
    }

    @Test
    void aCertificateCloseToItsEndIsReplacedButAFreshOneIsKept() throws Exception {
        X509Certificate first = new DevelopmentCertificate(directory, Clock.fixed(NOW, ZoneOffset.UTC)).ensure()
                .certificate();

        Instant stillFresh = NOW.plus(Duration.ofDays(100));
        X509Certificate kept = new DevelopmentCertificate(directory, Clock.fixed(stillFresh, ZoneOffset.UTC)).ensure()
                .certificate();
        assertEquals(first.getSerialNumber(), kept.getSerialNumber());

        Instant nearEnd = NOW.plus(DevelopmentCertificate.VALIDITY).minus(Duration.ofDays(10));
        X509Certificate renewed = new DevelopmentCertificate(directory, Clock.fixed(nearEnd, ZoneOffset.UTC)).ensure()
                .certificate();
        assertNotEquals(first.getSerialNumber(), renewed.getSerialNumber());
    }

    @Test
    void aDamagedKeystoreIsReplacedInsteadOfStoppingTheServer() throws Exception {
        DevelopmentCertificate.Material material = new DevelopmentCertificate(directory, Clock.systemUTC()).ensure();
        Files.write(material.keystore(), new byte[] { 1, 2, 3 });
        X509Certificate replaced = new DevelopmentCertificate(directory, Clock.systemUTC()).ensure().certificate();
        assertNotEquals(material.certificate().getSerialNumber(), replaced.getSerialNumber());
    }
}
