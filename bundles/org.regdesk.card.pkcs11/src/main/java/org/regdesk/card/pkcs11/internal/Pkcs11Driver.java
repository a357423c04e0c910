package org.regdesk.card.pkcs11.internal;

import org.osgi.service.component.annotations.Component;
import org.regdesk.card.api.CardDriver;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardProbe;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.CardTransport;

/**
 * Any PKCS#11 token with an RSA signing key and its certificate. A generic driver: it scores low, so
 * a vendor driver for the same token (with its own unblock path) wins when installed.
 */
@Component(service = CardDriver.class)
public final class Pkcs11Driver implements CardDriver {

    @Override
    public String id() {
        return "regdesk.pkcs11";
    }

    @Override
    public String displayName() {
        return "PKCS#11 tokens";
    }

    @Override
    public int match(CardProbe probe) {
        return probe.tokenInfo().containsKey(Pkcs11Token.SERIAL) ? 10 : 0;
    }

    @Override
    public CardSession open(CardProbe probe, CardTransport transport) throws CardException {
        if (!(transport instanceof Pkcs11Token token)) {
            throw new CardException(CardException.Reason.UNSUPPORTED, "The PKCS#11 driver needs a PKCS#11 token");
        }
        return Pkcs11CardSession.open(token);
    }
}
