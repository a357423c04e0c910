package org.regdesk.server.eonay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.regdesk.server.revocation.RevocationChecker;

/**
 * Trust anchors from files (PEM or DER), read again when a file changes; a file that cannot be read
 * keeps the last good anchors. Revocation status comes live from the {@link RevocationChecker}.
 */
public final class TrustFiles implements ConsentTrust {

    private final List<Path> anchorFiles;
    private final Set<String> qualifiedPolicies;
    private final RevocationChecker revocation;
    private List<FileTime> seen = List.of();
    private ConsentVerifier.Trust trust;

    public TrustFiles(List<Path> anchorFiles, Set<String> qualifiedPolicies, RevocationChecker revocation) {
        this.anchorFiles = List.copyOf(anchorFiles);
        this.qualifiedPolicies = Set.copyOf(qualifiedPolicies);
        this.revocation = revocation;
        this.trust = new ConsentVerifier.Trust(List.of(), qualifiedPolicies, revocation);
    }

    @Override
    public boolean configured() {
        return !anchorFiles.isEmpty();
    }

    @Override
    public synchronized ConsentVerifier.Trust current() {
        List<FileTime> now = new ArrayList<>();
        for (Path file : anchorFiles) {
            try {
                now.add(Files.getLastModifiedTime(file));
            } catch (IOException missing) {
                now.add(FileTime.fromMillis(0));
            }
        }
        if (!now.equals(seen)) {
            try {
                CertificateFactory x509 = CertificateFactory.getInstance("X.509");
                List<X509Certificate> anchors = new ArrayList<>();
                for (Path file : anchorFiles) {
                    try (InputStream in = Files.newInputStream(file)) {
                        x509.generateCertificates(in).forEach(certificate -> anchors.add((X509Certificate) certificate));
                    }
                }
                trust = new ConsentVerifier.Trust(anchors, qualifiedPolicies, revocation);
                seen = now;
            } catch (IOException | GeneralSecurityException unreadable) {
                // keep the last good trust; the next call tries again
            }
        }
        return trust;
    }
}
