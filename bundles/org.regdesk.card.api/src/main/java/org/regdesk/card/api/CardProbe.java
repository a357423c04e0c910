package org.regdesk.card.api;

import java.util.Map;
import java.util.Objects;

/**
 * What a transport knows about a card before any driver has touched it; drivers score it.
 *
 * @param atr       answer-to-reset in upper-case hex; empty for PKCS#11 tokens
 * @param tokenInfo PKCS#11 token information (label, manufacturer, model, serial); empty for PC/SC
 */
public record CardProbe(CardReader reader, String atr, Map<String, String> tokenInfo) {
    public CardProbe {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(atr, "atr");
        tokenInfo = Map.copyOf(tokenInfo);
    }
}
