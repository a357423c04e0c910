package org.regdesk.unblock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.regdesk.backend.api.v1.RegisteredCard;
import org.regdesk.card.api.CardView;
import org.regdesk.card.api.PinStatus;

/**
 * The wizard's card choice: every reader at the desk, with the citizen's registered cards selectable
 * by serial and every other one shown disabled with the reason, so the operator sees why a card the
 * citizen handed over does not count.
 */
public final class CardChoices {

    /** Why a reader's card cannot be chosen; the wizard translates it. */
    public enum Unavailable {
        NO_CARD, UNREADABLE, NOT_THIS_CITIZENS_CARD
    }

    /**
     * One line of the choice.
     *
     * @param registered present only for a card of this citizen (then it can be chosen)
     */
    public record Choice(String reader, Optional<String> serial, Optional<RegisteredCard> registered,
            Optional<PinStatus> pinStatus, Optional<Instant> certificateNotAfter, Optional<Unavailable> unavailable) {

        public boolean selectable() {
            return unavailable.isEmpty();
        }
    }

    private CardChoices() {
    }

    public static List<Choice> of(List<CardView> readers, List<RegisteredCard> citizensCards) {
        return readers.stream().map(view -> choice(view, citizensCards)).toList();
    }

    private static Choice choice(CardView view, List<RegisteredCard> citizensCards) {
        String reader = view.reader().name();
        if (!view.cardPresent()) {
            return new Choice(reader, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(Unavailable.NO_CARD));
        }
        if (view.card().isEmpty()) {
            return new Choice(reader, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(Unavailable.UNREADABLE));
        }
        String serial = view.card().get().serialNumber();
        Optional<RegisteredCard> registered = citizensCards.stream().filter(card -> card.serial().equals(serial)).findFirst();
        Optional<Instant> notAfter = view.certificateNotAfter()
                .or(() -> registered.map(RegisteredCard::certificateNotAfter).filter(java.util.Objects::nonNull));
        return new Choice(reader, Optional.of(serial), registered, view.pinStatus(), notAfter,
                registered.isPresent() ? Optional.empty() : Optional.of(Unavailable.NOT_THIS_CITIZENS_CARD));
    }
}
