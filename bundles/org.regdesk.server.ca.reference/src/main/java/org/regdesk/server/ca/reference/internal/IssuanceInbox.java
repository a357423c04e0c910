package org.regdesk.server.ca.reference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certificates this CA's key signed outside the registry (the card personalization bureau), handed
 * over as files {@code <card serial>.pem} (or {@code .crt}, {@code .der}) in one folder. Each file is
 * read once per change; a certificate is recorded only if this CA's key signed it and its subject
 * carries a TCKN (serialNumber). Anything else is logged and left alone.
 */
final class IssuanceInbox {

    private static final Logger LOG = LoggerFactory.getLogger(IssuanceInbox.class);

    private final Optional<Path> folder;
    private final PublicKey caKey;
    private final IssuedCertificates issued;
    private final Map<Path, FileTime> seen = new HashMap<>();

    IssuanceInbox(Optional<Path> folder, PublicKey caKey, IssuedCertificates issued) {
        this.folder = folder;
        this.caKey = caKey;
        this.issued = issued;
    }

    /** Records what is new in the folder; returns how many certificates were recorded. */
    synchronized int collect() {
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
            return 0;
        }
        int recorded = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder.get(), "*.{pem,crt,der}")) {
            for (Path file : files) {
                FileTime modified = Files.getLastModifiedTime(file);
                if (modified.equals(seen.get(file))) {
                    continue;
                }
                seen.put(file, modified);
                recorded += take(file);
            }
        } catch (IOException e) {
            LOG.warn("Cannot read the issuance folder {}: {}", folder.get(), e.getMessage());
        }
        return recorded;
    }

    private int take(Path file) {
        String name = file.getFileName().toString();
        String cardSerial = name.substring(0, name.lastIndexOf('.'));
        int recorded = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (var any : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                X509Certificate certificate = (X509Certificate) any;
                try {
                    certificate.verify(caKey);
                } catch (GeneralSecurityException notOurs) {
                    continue; // the chain's CA certificate, or another CA's: not this register's
                }
                Optional<String> tckn = tckn(certificate);
                if (tckn.isEmpty()) {
                    LOG.warn("{}: certificate {} has no TCKN (subject serialNumber); not recorded", file,
                            certificate.getSerialNumber().toString(16));
                    continue;
                }
                if (issued.record(certificate, tckn.get(), cardSerial)) {
                    recorded++;
                    LOG.info("Recorded certificate {} of card {} from the issuance folder",
                            IssuedCertificates.hex(certificate.getSerialNumber()), cardSerial);
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            LOG.warn("{} is not a certificate file: {}", file, e.getMessage());
        }
        return recorded;
    }

    private static Optional<String> tckn(X509Certificate certificate) {
        RDN[] serials = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.SERIALNUMBER);
        if (serials.length != 1) {
            return Optional.empty();
        }
        String value = IETFUtils.valueToString(serials[0].getFirst().getValue());
        return value.matches("[1-9][0-9]{10}") ? Optional.of(value) : Optional.empty();
    }
}
