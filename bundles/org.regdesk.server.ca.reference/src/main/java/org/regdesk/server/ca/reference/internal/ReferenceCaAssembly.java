package org.regdesk.server.ca.reference.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.bouncycastle.cert.X509CertificateHolder;
import org.regdesk.server.ca.CertificateAuthority;
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.store.Database;

/**
 * The reference CA's parts put together, as the component registers them and as tests wire them
 * without OSGi: the {@link CertificateAuthority} and its publication routes (CRL, CA certificate, OCSP).
 */
public record ReferenceCaAssembly(CertificateAuthority authority, HttpRoutes routes, X509CertificateHolder responderCertificate) {

    /** The CA key from a PKCS#12 file (its password in a file). */
    public static ReferenceCaAssembly pkcs12(String id, Path keystore, Path passwordFile, String alias, Optional<Path> issued,
            Duration crlValidity, Database database, Clock clock) throws GeneralSecurityException, IOException {
        return of(id, CaKey.pkcs12(keystore, passwordFile, alias), issued, crlValidity, database, clock);
    }

    /** The CA key on a PKCS#11 token (its user PIN in a file). */
    public static ReferenceCaAssembly pkcs11(String id, Path library, int slotIndex, Path pinFile, String alias,
            Optional<Path> issued, Duration crlValidity, Database database, Clock clock) throws GeneralSecurityException, IOException {
        return of(id, CaKey.pkcs11(library, slotIndex, pinFile, alias), issued, crlValidity, database, clock);
    }

    static ReferenceCaAssembly of(String id, CaKey key, Optional<Path> issuedFolder, Duration crlValidity, Database database,
            Clock clock) throws GeneralSecurityException {
        IssuedCertificates issued = new IssuedCertificates(database, id);
        IssuanceInbox inbox = new IssuanceInbox(issuedFolder, key.certificate().getPublicKey(), issued);
        inbox.collect();
        ReferenceCa ca = new ReferenceCa(id, issued, inbox, clock);
        OcspResponder ocsp = new OcspResponder(key, ca::certificate, clock);
        CaRoutes routes = new CaRoutes(id, key, new CrlPublisher(issued, key, crlValidity, clock), ocsp);
        return new ReferenceCaAssembly(ca, routes, ocsp.responderCertificate());
    }
}
