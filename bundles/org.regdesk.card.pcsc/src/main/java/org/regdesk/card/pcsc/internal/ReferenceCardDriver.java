package org.regdesk.card.pcsc.internal;

import java.util.HexFormat;

import org.osgi.service.component.annotations.Component;
import org.regdesk.card.api.ApduTransport;
import org.regdesk.card.api.CardDriver;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardProbe;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.CardTransport;

/** Drives RegDesk reference cards over APDUs; recognises them by the historical bytes "RegDesk". */
@Component(service = CardDriver.class)
public final class ReferenceCardDriver implements CardDriver {

    /** "RegDesk" in the ATR's historical bytes. */
    static final String HISTORICAL_MARK = HexFormat.of().withUpperCase().formatHex("RegDesk".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    @Override
    public String id() {
        return "regdesk.reference.pcsc";
    }

    @Override
    public String displayName() {
        return "RegDesk reference card (PC/SC)";
    }

    @Override
    public int match(CardProbe probe) {
        return probe.atr().toUpperCase(java.util.Locale.ROOT).contains(HISTORICAL_MARK) ? 100 : 0;
    }

    @Override
    public CardSession open(CardProbe probe, CardTransport transport) throws CardException {
        if (!(transport instanceof ApduTransport apdus)) {
            throw new CardException(CardException.Reason.UNSUPPORTED, "The reference card driver needs an APDU transport");
        }
        return ReferenceCardSession.open(probe, apdus);
    }
}
