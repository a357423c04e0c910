package org.regdesk.server.ca.reference.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.regdesk.server.settings.Keystores;
import org.regdesk.server.settings.SecretFiles;

/**
 * The CA's signing key and certificate: from a PKCS#12 file, or from a PKCS#11 token through the
 * JDK's SunPKCS11 provider (an HSM; SoftHSM2 in tests), where the key never leaves the token.
 * Passwords and PINs are read from owner-only files, never from the command line.
 */
final class CaKey {

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Provider provider;

    private CaKey(PrivateKey key, X509Certificate certificate, Provider provider) {
        this.key = key;
        this.certificate = certificate;
        this.provider = provider;
    }

    static CaKey pkcs12(Path file, Path passwordFile, String alias) throws GeneralSecurityException, IOException {
        char[] password = SecretFiles.read("keystore.password.file", passwordFile);
        return from(Keystores.pkcs12(file, password), alias, password, null, file.toString());
    }

    /** @param library e.g. /usr/lib/softhsm/libsofthsm2.so; {@code slotIndex} the token's place in the slot list */
    static CaKey pkcs11(Path library, int slotIndex, Path pinFile, String alias) throws GeneralSecurityException, IOException {
        KeyStore keystore = Keystores.pkcs11("RegDeskCA", library, slotIndex, SecretFiles.read("pkcs11.pin.file", pinFile));
        Provider token = keystore.getProvider();
        return from(keystore, alias, null, token, library + " slot index " + slotIndex);
    }

    private static CaKey from(KeyStore keystore, String alias, char[] password, Provider provider, String where)
            throws GeneralSecurityException {
        String chosen = alias;
        if (chosen == null || chosen.isBlank()) {
            chosen = Keystores.firstKeyAlias(keystore).orElseThrow(() -> new GeneralSecurityException("no private key in " + where));
        }
        if (!(keystore.getKey(chosen, password) instanceof PrivateKey key)) {
            throw new GeneralSecurityException("no private key '" + chosen + "' in " + where);
        }
        if (!(keystore.getCertificate(chosen) instanceof X509Certificate certificate)) {
            throw new GeneralSecurityException("no CA certificate beside key '" + chosen + "' in " + where);
        }
        return new CaKey(key, certificate, provider);
    }

    X509Certificate certificate() {
        return certificate;
    }

    X509CertificateHolder holder() throws GeneralSecurityException {
        return new JcaX509CertificateHolder(certificate);
    }

    ContentSigner signer() throws GeneralSecurityException {
        String algorithm = "EC".equals(certificate.getPublicKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            JcaContentSignerBuilder builder = new JcaContentSignerBuilder(algorithm);
            if (provider != null) {
                builder.setProvider(provider);
            }
            return builder.build(key);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with the CA key", e);
        }
    }
}
