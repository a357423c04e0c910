package org.regdesk.server.eonay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Trust anchors and CRLs from files (PEM or DER), read again when a file changes, so a CA's CRL
 * publication job only has to replace the file. A file that cannot be read keeps the last good state.
 */
public final class TrustFiles implements ConsentTrust {

    private final List<Path> anchorFiles;
    private final List<Path> crlFiles;
    private List<FileTime> seen = List.of();
    private ConsentVerifier.Trust trust = new ConsentVerifier.Trust(List.of(), List.of());

    public TrustFiles(List<Path> anchorFiles, List<Path> crlFiles) {
        this.anchorFiles = List.copyOf(anchorFiles);
        this.crlFiles = List.copyOf(crlFiles);
    }

    @Override
    public boolean configured() {
        return !anchorFiles.isEmpty();
    }

    @Override
    public synchronized ConsentVerifier.Trust current() {
        List<FileTime> now = new ArrayList<>();
        for (Path file : concat()) {
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
                List<X509CRL> crls = new ArrayList<>();
                for (Path file : crlFiles) {
                    try (InputStream in = Files.newInputStream(file)) {
                        x509.generateCRLs(in).forEach(crl -> crls.add((X509CRL) crl));
                    }
                }
                trust = new ConsentVerifier.Trust(anchors, crls);
                seen = now;
            } catch (IOException | GeneralSecurityException unreadable) {
                // keep the last good trust; the next call tries again
            }
        }
        return trust;
    }

    private List<Path> concat() {
        List<Path> all = new ArrayList<>(anchorFiles);
        all.addAll(crlFiles);
        return all;
    }
}
