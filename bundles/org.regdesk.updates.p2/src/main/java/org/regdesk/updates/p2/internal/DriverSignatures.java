package org.regdesk.updates.p2.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.regdesk.updates.UpdateException;
import org.regdesk.updates.UpdateException.Problem;

/**
 * Decides whether a downloaded jar may run on the desk: every entry must be signed, unchanged since
 * signing, and by a signer whose certificate chain leads to one of the trusted certificates. This is
 * stricter than p2's own check, which also accepts any signer the JVM's cacerts trust.
 */
final class DriverSignatures {

    private final List<X509Certificate> trusted;

    DriverSignatures(List<X509Certificate> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    List<X509Certificate> trusted() {
        return trusted;
    }

    void verify(File jar) throws UpdateException {
        if (trusted.isEmpty()) {
            throw new UpdateException(Problem.UNTRUSTED, "no trusted driver-signing certificate is configured");
        }
        int signedEntries = 0;
        String unsignedEntry = null;
        try (JarFile file = new JarFile(jar, true)) {
            byte[] buffer = new byte[8192];
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                try (InputStream in = file.getInputStream(entry)) {
                    while (in.read(buffer) >= 0) {
                        // reading to the end makes the JarFile compare the entry with its signed digest
                    }
                }
                if (entry.isDirectory() || isSignatureFile(entry.getName())) {
                    continue;
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null) {
                    unsignedEntry = entry.getName();
                    continue;
                }
                signedEntries++;
                if (!signedByTrusted(signers)) {
                    throw new UpdateException(Problem.UNTRUSTED, jar.getName() + " is signed by "
                            + ((X509Certificate) signers[0].getSignerCertPath().getCertificates().get(0))
                                    .getSubjectX500Principal().getName());
                }
            }
        } catch (SecurityException e) {
            throw new UpdateException(Problem.TAMPERED, jar.getName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UpdateException(Problem.TAMPERED, jar.getName() + " cannot be read as a jar: " + e.getMessage(), e);
        }
        if (signedEntries == 0) {
            throw new UpdateException(Problem.UNSIGNED, jar.getName());
        }
        if (unsignedEntry != null) {
            // a signed jar with an entry the signature does not cover was changed after signing
            throw new UpdateException(Problem.TAMPERED, jar.getName() + ": " + unsignedEntry + " is not covered by the signature");
        }
    }

    /** True when one signer's chain leads, certificate by certificate, to a trusted certificate. */
    boolean signedByTrusted(CodeSigner[] signers) {
        for (CodeSigner signer : signers) {
            if (chainLeadsToTrusted(signer.getSignerCertPath().getCertificates())) {
                return true;
            }
        }
        return false;
    }

    /** Also the test p2's trust prompt gets (see {@link DeskTrust}). */
    boolean chainLeadsToTrusted(List<? extends Certificate> chain) {
        for (int i = 0; i < chain.size(); i++) {
            if (!trusted.contains(chain.get(i))) {
                continue;
            }
            try {
                for (int j = 0; j < i; j++) {
                    // the path in a signature block is only what the signer wrote: check each link
                    chain.get(j).verify(chain.get(j + 1).getPublicKey());
                }
                return true;
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.equals("META-INF/MANIFEST.MF") || upper.endsWith(".SF") || upper.endsWith(".RSA")
                || upper.endsWith(".DSA") || upper.endsWith(".EC") || upper.startsWith("META-INF/SIG-");
    }
}
