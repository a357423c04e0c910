package org.regdesk.server.desks.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.regdesk.server.settings.CertificateFiles;

/**
 * The desk CA's certificate revocation list, from a file the CA's administrator replaces before its nextUpdate. It is
 * re-read when the file changes, and only a CRL signed by one of the desk CA certificates counts. Fail closed: a list
 * past its nextUpdate, or one that cannot be read, lets no desk in (a revoked desk must not pass because the list
 * went stale).
 */
public final class DeskRevocationList {

    /** Why a certificate is refused; {@code outdated} means nobody can be checked now. */
    public record Refusal(String code, String message, boolean outdated) {
    }

    private final Path file;
    private final List<X509Certificate> authorities;
    private FileTime loadedModified;
    private X509CRL crl;
    private String unreadable;

    public DeskRevocationList(Path file, List<X509Certificate> authorities) {
        this.file = file;
        this.authorities = List.copyOf(authorities);
    }

    /** Empty when the certificate may pass; otherwise the refusal. */
    public synchronized Optional<Refusal> check(X509Certificate certificate, Instant now) {
        reloadIfChanged();
        if (crl == null) {
            return Optional.of(new Refusal("DESK_CRL_UNAVAILABLE", "The desk CA's revocation list " + file + " cannot be used: "
                    + unreadable, true));
        }
        if (crl.getNextUpdate() == null || crl.getNextUpdate().toInstant().isBefore(now)) {
            return Optional.of(new Refusal("DESK_CRL_OUTDATED", "The desk CA's revocation list expired at "
                    + (crl.getNextUpdate() == null ? "?" : crl.getNextUpdate().toInstant()) + "; install a new one", true));
        }
        if (crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal()) && crl.isRevoked(certificate)) {
            return Optional.of(new Refusal("DESK_CERTIFICATE_REVOKED", "This desk certificate has been revoked by the desk CA.",
                    false));
        }
        return Optional.empty();
    }

    /** When the current list must be replaced, for the start log and check-config. */
    public synchronized Optional<Instant> nextUpdate() {
        reloadIfChanged();
        return crl == null || crl.getNextUpdate() == null ? Optional.empty() : Optional.of(crl.getNextUpdate().toInstant());
    }

    private void reloadIfChanged() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(loadedModified)) {
                return;
            }
            loadedModified = modified;
            crl = CertificateFiles.crl(file, authorities);
            unreadable = null;
        } catch (IOException | GeneralSecurityException e) {
            crl = null;
            loadedModified = null;
            unreadable = e.getMessage();
        }
    }
}
