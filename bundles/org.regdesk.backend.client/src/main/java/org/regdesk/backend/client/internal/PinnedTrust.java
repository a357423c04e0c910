package org.regdesk.backend.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** An SSL context that trusts exactly the certificates in one PEM file and nothing else, optionally as a desk. */
public final class PinnedTrust {

    private PinnedTrust() {
    }

    public static SSLContext sslContext(Path pemFile) throws IOException, GeneralSecurityException {
        return sslContext(pemFile, null);
    }

    /**
     * Also presents this desk's certificate (mutual TLS): a PKCS#12 file whose password is the content of
     * {@code passwordFile}, as the server's desk authority writes them.
     */
    public static SSLContext sslContext(Path pemFile, Path deskKeystore, Path passwordFile)
            throws IOException, GeneralSecurityException {
        char[] password = Files.readString(passwordFile).trim().toCharArray();
        try (InputStream in = Files.newInputStream(deskKeystore)) {
            KeyStore desk = KeyStore.getInstance("PKCS12");
            desk.load(in, password);
            javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory
                    .getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            keys.init(desk, password);
            return sslContext(pemFile, keys.getKeyManagers());
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(deskKeystore.toString(), null, "desk keystore does not exist");
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private static SSLContext sslContext(Path pemFile, javax.net.ssl.KeyManager[] keyManagers)
            throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(pemFile.toString(), null, "trusted certificate file does not exist");
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("No certificate in " + pemFile);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int index = 0;
        for (Certificate certificate : certificates) {
            trust.setCertificateEntry("pinned-" + index++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, factory.getTrustManagers(), null);
        return context;
    }
}
