package org.regdesk.server.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Certificates and revocation lists a setting names (a desk CA, E-Onay trust anchors, the desk CA's CRL): PEM or DER
 * files.
 */
public final class CertificateFiles {

    private CertificateFiles() {
    }

    /** @throws SettingRefusedException when the file is missing, unreadable or holds no certificate */
    public static List<X509Certificate> read(String setting, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SettingRefusedException(setting, "the certificate file " + file + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (read.isEmpty()) {
                throw new SettingRefusedException(setting, file + " holds no certificate");
            }
            return read;
        } catch (IOException | CertificateException e) {
            throw new SettingRefusedException(setting, file + " holds no readable certificate: " + e.getMessage());
        }
    }

    /**
     * A CRL (PEM or DER) whose signature is checked against the one of {@code authorities} that issued it.
     *
     * @throws GeneralSecurityException when no authority issued it or its signature does not verify
     */
    public static X509CRL crl(Path file, List<X509Certificate> authorities) throws IOException, GeneralSecurityException {
        X509CRL read;
        try (InputStream in = Files.newInputStream(file)) {
            read = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
        for (X509Certificate authority : authorities) {
            if (authority.getSubjectX500Principal().equals(read.getIssuerX500Principal())) {
                read.verify(authority.getPublicKey());
                return read;
            }
        }
        throw new GeneralSecurityException("the list in " + file + " is issued by " + read.getIssuerX500Principal()
                + ", which is not a desk CA");
    }
}
