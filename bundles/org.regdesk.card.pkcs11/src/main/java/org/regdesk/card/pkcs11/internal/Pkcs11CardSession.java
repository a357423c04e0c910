package org.regdesk.card.pkcs11.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;

import org.regdesk.card.api.CardCertificate;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardException.Reason;
import org.regdesk.card.api.CardIdentity;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.DigestAlgorithm;
import org.regdesk.card.api.PinStatus;
import org.regdesk.card.api.UnblockAuthorization;
import org.regdesk.card.api.UnblockChallenge;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;

/**
 * A session on a PKCS#11 token. Unblocking takes a one-time SO PIN and the next SO PIN from the
 * backend: the driver logs in as SO, first rotates the SO PIN (so the one-time PIN is spent even if
 * the token is pulled next), then sets the user PIN, all in one session. A token that was pulled after
 * the rotation but before the backend heard of it is recognised by its next SO PIN.
 */
final class Pkcs11CardSession implements CardSession {

    private static final long CKU_SO = 0;
    private static final long CKU_USER = 1;
    private static final long CKA_CLASS = 0x0;
    private static final long CKA_VALUE = 0x11;
    private static final long CKA_ID = 0x102;
    private static final long CKO_CERTIFICATE = 0x1;
    private static final long CKO_PRIVATE_KEY = 0x3;
    private static final long CKM_RSA_PKCS = 0x1;
    private static final long CKF_USER_PIN_INITIALIZED = 0x8;
    private static final long CKF_USER_PIN_FINAL_TRY = 0x20000;
    private static final long CKF_USER_PIN_LOCKED = 0x40000;

    private final Pkcs11Token token;
    private final Session session;
    private final CardIdentity identity;
    private final List<CardCertificate> certificates;

    private Pkcs11CardSession(Pkcs11Token token, Session session, CardIdentity identity, List<CardCertificate> certificates) {
        this.token = token;
        this.session = session;
        this.identity = identity;
        this.certificates = certificates;
    }

    static Pkcs11CardSession open(Pkcs11Token token) throws CardException {
        try {
            Session session = token.token().openSession(true);
            List<CardCertificate> certificates = readCertificates(session);
            String serial = token.probe().tokenInfo().get(Pkcs11Token.SERIAL);
            String label = token.probe().tokenInfo().get(Pkcs11Token.LABEL);
            CardIdentity identity = certificates.isEmpty()
                    ? new CardIdentity(serial, "", label, java.util.Optional.empty(), java.util.Optional.empty())
                    : CardIdentity.withHolderFrom(certificates.get(0).certificate(), serial, "", label);
            return new Pkcs11CardSession(token, session, identity, certificates);
        } catch (PKCS11Exception e) {
            throw Pkcs11Errors.translate(e, "Opening a session");
        }
    }

    @Override
    public CardIdentity identity() {
        return identity;
    }

    @Override
    public PinStatus pinStatus() throws CardException {
        long flags;
        try {
            flags = token.token().getTokenInfo().getFlags();
        } catch (PKCS11Exception e) {
            throw Pkcs11Errors.translate(e, "Reading the token state");
        }
        if ((flags & CKF_USER_PIN_INITIALIZED) == 0) {
            return new PinStatus(PinStatus.State.NOT_SET, OptionalInt.empty());
        }
        if ((flags & CKF_USER_PIN_LOCKED) != 0) {
            return PinStatus.ofTriesLeft(0);
        }
        if ((flags & CKF_USER_PIN_FINAL_TRY) != 0) {
            return PinStatus.ofTriesLeft(1);
        }
        return new PinStatus(PinStatus.State.READY, OptionalInt.empty()); // PKCS#11 gives no count
    }

    @Override
    public void verifyPin(char[] pin) throws CardException {
        logoutQuietly(); // a token keeps one login per application: verify really checks this PIN
        try {
            session.login(CKU_USER, pin);
        } catch (PKCS11Exception e) {
            CardException failure = Pkcs11Errors.translate(e, "Verifying the PIN");
            if (failure.reason() == Reason.WRONG_PIN && pinStatus().state() == PinStatus.State.FINAL_TRY) {
                throw new CardException(Reason.WRONG_PIN, "Wrong PIN; the next wrong PIN blocks the token", 1, e);
            }
            throw failure;
        }
    }

    @Override
    public void changePin(char[] oldPin, char[] newPin) throws CardException {
        PinPolicy.check(newPin);
        verifyPin(oldPin);
        try {
            session.setPIN(oldPin, newPin);
        } catch (PKCS11Exception e) {
            throw Pkcs11Errors.translate(e, "Changing the PIN");
        }
    }

    @Override
    public UnblockChallenge unblockChallenge() throws CardException {
        throw new CardException(Reason.UNSUPPORTED, "PKCS#11 tokens unblock with security officer PINs, not a challenge");
    }

    @Override
    public void unblock(UnblockAuthorization authorization, char[] newPin) throws CardException {
        if (!(authorization instanceof UnblockAuthorization.SecurityOfficerPins pins)) {
            throw new CardException(Reason.UNSUPPORTED, "PKCS#11 tokens unblock with security officer PINs");
        }
        PinPolicy.check(newPin);
        logoutQuietly();
        boolean alreadyRotated = loginAsSecurityOfficer(pins);
        try {
            if (!alreadyRotated) {
                session.setPIN(pins.oneTimeSoPin(), pins.nextSoPin());
            }
            session.initPIN(newPin);
        } catch (PKCS11Exception e) {
            throw Pkcs11Errors.translate(e, "Unblocking");
        } finally {
            logoutQuietly();
        }
    }

    /**
     * Logs in as SO with the current PIN or, if the token refuses it and the backend said an earlier
     * write with this pair was never confirmed, with the next one: a token pulled right after that
     * rotation already has it. The refused try is reset by the successful login.
     *
     * @return true when the token already had the next SO PIN
     */
    private boolean loginAsSecurityOfficer(UnblockAuthorization.SecurityOfficerPins pins) throws CardException {
        try {
            session.login(CKU_SO, pins.oneTimeSoPin());
            return false;
        } catch (PKCS11Exception current) {
            CardException failure = Pkcs11Errors.translate(current, "Logging in as security officer");
            if (failure.reason() != Reason.WRONG_PIN || !pins.tokenMayHaveNext()) {
                throw failure.reason() == Reason.WRONG_PIN || failure.reason() == Reason.PIN_BLOCKED ? rejected(current)
                        : failure;
            }
        }
        try {
            session.login(CKU_SO, pins.nextSoPin());
            return true;
        } catch (PKCS11Exception next) {
            CardException failure = Pkcs11Errors.translate(next, "Logging in as security officer");
            throw failure.reason() == Reason.WRONG_PIN || failure.reason() == Reason.PIN_BLOCKED ? rejected(next) : failure;
        }
    }

    private static CardException rejected(PKCS11Exception cause) {
        return new CardException(Reason.AUTHORIZATION_REJECTED, "The token rejected the security officer PIN", cause);
    }

    @Override
    public List<CardCertificate> certificates() {
        return certificates;
    }

    @Override
    public byte[] sign(String keyId, DigestAlgorithm algorithm, byte[] digest) throws CardException {
        byte[] digestInfo = algorithm.digestInfo(digest);
        try {
            long[] keys = session.findAllObjectsSingle(new AttributeVector().attr(CKA_CLASS, CKO_PRIVATE_KEY)
                    .attr(CKA_ID, HexFormat.of().parseHex(keyId)));
            if (keys.length == 0) {
                throw new CardException(Reason.PIN_NOT_VERIFIED, "No private key '" + keyId + "' visible: verify the PIN first");
            }
            return session.signSingle(new Mechanism(CKM_RSA_PKCS), keys[0], digestInfo);
        } catch (PKCS11Exception e) {
            throw Pkcs11Errors.translate(e, "Signing");
        }
    }

    @Override
    public void close() {
        logoutQuietly();
        try {
            session.closeSession();
        } catch (PKCS11Exception gone) {
            // the token left: nothing to close
        }
    }

    private void logoutQuietly() {
        try {
            session.logout();
        } catch (PKCS11Exception notLoggedIn) {
            // nobody was logged in
        }
    }

    private static List<CardCertificate> readCertificates(Session session) throws PKCS11Exception, CardException {
        List<CardCertificate> certificates = new ArrayList<>();
        for (long handle : session.findAllObjectsSingle(new AttributeVector().attr(CKA_CLASS, CKO_CERTIFICATE))) {
            AttributeVector values = session.getAttrValues(handle, CKA_VALUE, CKA_ID);
            try {
                X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(values.getByteArrayAttrValue(CKA_VALUE)));
                certificates.add(new CardCertificate(HexFormat.of().formatHex(values.getByteArrayAttrValue(CKA_ID)), certificate));
            } catch (CertificateException e) {
                throw new CardException(Reason.IO, "A certificate on the token cannot be read", e);
            }
        }
        return certificates;
    }
}
