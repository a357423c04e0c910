package org.regdesk.card.registry.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.regdesk.card.api.CardCertificate;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardIdentity;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.DigestAlgorithm;
import org.regdesk.card.api.PinStatus;
import org.regdesk.card.api.UnblockAuthorization;
import org.regdesk.card.api.UnblockChallenge;

/** A driver's session that tells {@link CardUse} when it ends (once, however often it is closed). */
final class TrackedSession implements CardSession {

    private final CardSession session;
    private final CardUse use;
    private final AtomicBoolean closed = new AtomicBoolean();

    TrackedSession(CardSession session, CardUse use) {
        this.session = session;
        this.use = use;
    }

    @Override
    public CardIdentity identity() {
        return session.identity();
    }

    @Override
    public PinStatus pinStatus() throws CardException {
        return session.pinStatus();
    }

    @Override
    public void verifyPin(char[] pin) throws CardException {
        session.verifyPin(pin);
    }

    @Override
    public void changePin(char[] oldPin, char[] newPin) throws CardException {
        session.changePin(oldPin, newPin);
    }

    @Override
    public UnblockChallenge unblockChallenge() throws CardException {
        return session.unblockChallenge();
    }

    @Override
    public void unblock(UnblockAuthorization authorization, char[] newPin) throws CardException {
        session.unblock(authorization, newPin);
    }

    @Override
    public List<CardCertificate> certificates() throws CardException {
        return session.certificates();
    }

    @Override
    public byte[] sign(String keyId, DigestAlgorithm algorithm, byte[] digest) throws CardException {
        return session.sign(keyId, algorithm, digest);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                session.close();
            } finally {
                use.end();
            }
        }
    }
}
