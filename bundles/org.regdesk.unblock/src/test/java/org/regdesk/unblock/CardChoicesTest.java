package org.regdesk.unblock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.regdesk.backend.api.v1.RegisteredCard;
import org.regdesk.card.api.CardIdentity;
import org.regdesk.card.api.CardReader;
import org.regdesk.card.api.CardView;
import org.regdesk.card.api.PinStatus;

class CardChoicesTest {

    private static CardView card(String reader, String serial, PinStatus status) {
        return new CardView(new CardReader(reader, reader), true, Optional.of(new CardIdentity(serial, "3B", serial,
                Optional.empty(), Optional.empty())), Optional.of("reference"), Optional.of(status), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @Test
    void onlyTheCitizensCardsCanBeChosenAndEveryOtherReaderSaysWhy() {
        Instant expiry = Instant.parse("2028-11-25T00:00:00Z");
        List<CardView> readers = List.of(card("r0", "RD1", PinStatus.ofTriesLeft(0)), card("r1", "RD9", PinStatus.ofTriesLeft(3)),
                CardView.empty(new CardReader("r2", "r2")), CardView.unreadable(new CardReader("r3", "r3"), "no driver"));
        List<CardChoices.Choice> choices = CardChoices.of(readers, List.of(new RegisteredCard("RD1", "REFERENCE", expiry)));

        assertTrue(choices.get(0).selectable());
        assertEquals(PinStatus.State.BLOCKED, choices.get(0).pinStatus().orElseThrow().state());
        assertEquals(expiry, choices.get(0).certificateNotAfter().orElseThrow(), "expiry from the registry when the card has none");
        assertFalse(choices.get(1).selectable());
        assertEquals(CardChoices.Unavailable.NOT_THIS_CITIZENS_CARD, choices.get(1).unavailable().orElseThrow());
        assertEquals(CardChoices.Unavailable.NO_CARD, choices.get(2).unavailable().orElseThrow());
        assertEquals(CardChoices.Unavailable.UNREADABLE, choices.get(3).unavailable().orElseThrow());
    }
}
