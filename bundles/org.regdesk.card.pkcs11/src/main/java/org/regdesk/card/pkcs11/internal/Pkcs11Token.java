package org.regdesk.card.pkcs11.internal;

import java.util.Map;

import org.regdesk.card.api.CardProbe;
import org.regdesk.card.api.CardReader;
import org.regdesk.card.api.CardTransport;
import org.xipki.pkcs11.wrapper.Token;

/** A PKCS#11 token in its slot, as a transport: the driver opens its own sessions on it. */
public record Pkcs11Token(Token token, CardProbe probe) implements CardTransport {

    static final String LABEL = "label";
    static final String SERIAL = "serialNumber";
    static final String MANUFACTURER = "manufacturer";
    static final String MODEL = "model";

    static CardProbe probe(CardReader reader, org.xipki.pkcs11.wrapper.TokenInfo info) {
        return new CardProbe(reader, "", Map.of(LABEL, info.getLabel().trim(), SERIAL, info.getSerialNumber().trim(),
                MANUFACTURER, info.getManufacturerID().trim(), MODEL, info.getModel().trim()));
    }

    @Override
    public void close() {
        // sessions are the driver's; the module stays loaded for the provider
    }
}
