package org.regdesk.ui.desk;

import java.util.Objects;

import org.regdesk.backend.api.session.DeskSessions;
import org.regdesk.card.api.CardService;

/**
 * What a desk operation's dialog works with: the desk sessions every operation shares, the operation's
 * own registry role ({@code C}, e.g. {@code UnblockConnector}), and the cards in the readers.
 */
public record DeskServices<C>(DeskSessions sessions, C connector, CardService cards) {

    public DeskServices {
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(cards, "cards");
    }
}
