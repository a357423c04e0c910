package org.regdesk.card.reference;

import static org.regdesk.card.reference.ReferenceCardProfile.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;

import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Personalizes reference cards for tests and demos, reproducibly: the test CA key and every card's
 * admin key follow from fixed seeds, so a card made twice with the same serial unblocks with the
 * same backend key. Only the on-card signing key is new each time (it never leaves the card).
 */
public final class TestCardFactory {

    /** The citizen a test card belongs to; {@code nationalId} is the 11-digit TCKN. */
    public record Holder(String name, String nationalId) {
    }

    /** What the personalization produced, for the test's backend side. */
    public record PersonalizedCard(String serialNumber, byte[] adminKey, X509Certificate certificate) {
    }

    private static final int CHUNK = 200;

    private final byte[] masterKey;
    private final TestPki pki;

    /** @param seed makes the test CA and the master admin key reproducible; certificates point at the demo registry */
    public TestCardFactory(long seed) throws GeneralSecurityException {
        this(seed, TestPki.Endpoints.DEMO);
    }

    /** @param endpoints the registry whose CRL and OCSP responder the certificates name */
    public TestCardFactory(long seed, TestPki.Endpoints endpoints) throws GeneralSecurityException {
        SecureRandom random = TestPki.seeded(seed);
        masterKey = new byte[16];
        random.nextBytes(masterKey);
        pki = new TestPki(random, endpoints, TestPki.NES_POLICY);
    }

    /** The test CA behind this factory's certificates. */
    public TestPki pki() {
        return pki;
    }

    public byte[] masterKey() {
        return masterKey.clone();
    }

    /** Runs the whole personalization on a freshly installed applet; the PIN is left "not set". */
    public PersonalizedCard personalize(ApduChannel card, String serialNumber, Holder holder)
            throws CardException, GeneralSecurityException, IOException {
        byte[] serial = serialNumber.getBytes(StandardCharsets.US_ASCII);
        byte[] adminKey = AdminKeys.diversify(masterKey, serial);
        expectOk(card.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, AID)), "SELECT");
        expectOk(card.transmit(new CommandAPDU(CLA_PROPRIETARY, INS_PUT_DATA, 0, DATA_SERIAL_NUMBER, serial)), "PUT serial");
        expectOk(card.transmit(new CommandAPDU(CLA_PROPRIETARY, INS_PUT_DATA, 0, DATA_ADMIN_KEY, adminKey)), "PUT admin key");
        expectOk(card.transmit(new CommandAPDU(CLA_PROPRIETARY, INS_GENERATE_KEY_PAIR, 0, 0)), "GENERATE KEY PAIR");
        RSAPublicKey publicKey = readPublicKey(card);
        X509Certificate certificate = issue(publicKey, holder, serialNumber);
        byte[] encoded = certificate.getEncoded();
        for (int offset = 0; offset < encoded.length; offset += CHUNK) {
            byte[] chunk = Arrays.copyOfRange(encoded, offset, Math.min(encoded.length, offset + CHUNK));
            expectOk(card.transmit(new CommandAPDU(CLA_PROPRIETARY, INS_UPDATE_BINARY, offset >> 8, offset & 0xFF, chunk)),
                    "UPDATE BINARY");
        }
        expectOk(card.transmit(new CommandAPDU(CLA_PROPRIETARY, INS_FINISH_PERSONALIZATION, 0, 0)), "FINISH");
        return new PersonalizedCard(serialNumber, adminKey, certificate);
    }

    private static RSAPublicKey readPublicKey(ApduChannel card) throws CardException, GeneralSecurityException {
        ResponseAPDU modulus = card.transmit(new CommandAPDU(CLA_PROPRIETARY, INS_GET_DATA, 0, DATA_PUBLIC_MODULUS, 256));
        expectOk(modulus, "GET modulus");
        ResponseAPDU exponent = card.transmit(new CommandAPDU(CLA_PROPRIETARY, INS_GET_DATA, 0, DATA_PUBLIC_EXPONENT, 256));
        expectOk(exponent, "GET exponent");
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                new RSAPublicKeySpec(new BigInteger(1, modulus.getData()), new BigInteger(1, exponent.getData())));
    }

    /** A qualified certificate from the test CA for a key held elsewhere (a PKCS#11 token, say). */
    public X509Certificate issue(java.security.PublicKey publicKey, Holder holder, String cardSerial)
            throws GeneralSecurityException {
        Instant now = Instant.now();
        return issue(publicKey, holder, pki.randomSerial(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(730)),
                KeyUsage.nonRepudiation | KeyUsage.digitalSignature);
    }

    /**
     * A qualified certificate as the test CA would issue it, with the serial, validity and key usage
     * given (the E-Onay tests' expired and wrong-usage certificates).
     *
     * @param keyUsage bits of {@link KeyUsage}, e.g. {@code KeyUsage.nonRepudiation}
     */
    public X509Certificate issue(java.security.PublicKey publicKey, Holder holder, BigInteger serial, Instant notBefore,
            Instant notAfter, int keyUsage) throws GeneralSecurityException {
        return pki.issue(publicKey, holder, serial, notBefore, notAfter, keyUsage, true);
    }

    /** The test CA's certificate, for tests that validate card certificates. */
    public X509Certificate testCaCertificate() throws GeneralSecurityException {
        return pki.caCertificate();
    }

    /** The test CA's CRL revoking {@code revoked} (certificate serial numbers), valid for 30 days from now. */
    public X509CRL crl(BigInteger... revoked) throws GeneralSecurityException {
        return pki.crl(BigInteger.ONE, revoked);
    }

    /** Reads the whole certificate with READ BINARY. */
    public static byte[] readCertificate(ApduChannel card) throws CardException {
        ByteArrayOutputStream certificate = new ByteArrayOutputStream();
        while (true) {
            int offset = certificate.size();
            ResponseAPDU chunk = card.transmit(new CommandAPDU(CLA_ISO, INS_READ_BINARY, offset >> 8, offset & 0xFF, 256));
            expectOk(chunk, "READ BINARY");
            if (chunk.getData().length == 0) {
                return certificate.toByteArray();
            }
            certificate.writeBytes(chunk.getData());
        }
    }

    private static void expectOk(ResponseAPDU response, String step) throws CardException {
        if (response.getSW() != 0x9000) {
            throw new CardException(step + " failed with status " + Integer.toHexString(response.getSW()).toUpperCase());
        }
    }
}
