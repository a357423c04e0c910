package org.regdesk.card.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regdesk.card.api.CardCertificate;
import org.regdesk.card.api.CardDriver;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardIdentity;
import org.regdesk.card.api.CardProbe;
import org.regdesk.card.api.CardReader;
import org.regdesk.card.api.CardReaderProvider;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.CardTransport;
import org.regdesk.card.api.CardView;
import org.regdesk.card.api.DigestAlgorithm;
import org.regdesk.card.api.PinStatus;
import org.regdesk.card.api.UnblockAuthorization;
import org.regdesk.card.api.UnblockChallenge;

/** The registry's choices, with fake readers and drivers (the real ones are in the contract tests). */
class CardRegistryTest {

    private static final CardReader READER_A = new CardReader("fake:a", "Reader A");
    private static final CardReader READER_B = new CardReader("fake:b", "Reader B");

    private final FakeProvider provider = new FakeProvider();
    private final CardRegistry registry = new CardRegistry();

    @BeforeEach
    void oneProvider() {
        registry.addProvider(provider);
    }

    @Test
    void theBestMatchingDriverReadsTheCard() {
        registry.addDriver(new FakeDriver("generic", 10));
        registry.addDriver(new FakeDriver("specific", 50));
        provider.insert(READER_A, "3B01", "SERIAL-1");

        assertTrue(registry.refresh());
        CardView view = registry.views().get(0);
        assertEquals(Optional.of("specific"), view.driverId());
        assertEquals("SERIAL-1", view.card().orElseThrow().serialNumber());
        assertEquals(Optional.of(PinStatus.ofTriesLeft(3)), view.pinStatus());
    }

    @Test
    void aCardNoDriverKnowsIsShownWithTheReasonAndIsReadOnceADriverArrives() {
        provider.insert(READER_A, "3B01", "SERIAL-1");
        registry.refresh();
        CardView unread = registry.views().get(0);
        assertTrue(unread.cardPresent());
        assertTrue(unread.problem().orElseThrow().contains("No installed driver"), unread.problem().toString());

        registry.addDriver(new FakeDriver("late", 5));
        assertTrue(registry.refresh());
        assertEquals(Optional.of("late"), registry.views().get(0).driverId());
    }

    @Test
    void removingTheDriverInUseNeitherCrashesNorKeepsAStaleView() {
        FakeDriver driver = new FakeDriver("only", 5);
        registry.addDriver(driver);
        provider.insert(READER_A, "3B01", "SERIAL-1");
        registry.refresh();

        registry.removeDriver(driver);
        assertTrue(registry.refresh());
        assertTrue(registry.views().get(0).card().isEmpty());
        assertThrows(CardException.class, () -> registry.open("SERIAL-1"));
    }

    @Test
    void aCardIsReadOnceWhileItStaysAndForgottenWhenPulled() {
        FakeDriver driver = new FakeDriver("only", 5);
        registry.addDriver(driver);
        provider.insert(READER_A, "3B01", "SERIAL-1");
        registry.refresh();
        assertFalse(registry.refresh(), "nothing changed");
        assertEquals(1, driver.opened.get(), "a card that stays is not read again");

        provider.pull(READER_A);
        assertTrue(registry.refresh());
        assertFalse(registry.views().get(0).cardPresent());
    }

    @Test
    void aCardThatFailedToReadIsTriedAgainAtTheNextScan() {
        FakeDriver driver = new FakeDriver("only", 5);
        driver.failuresLeft = 1; // as a fresh PC/SC context answers SCARD_W_INSERTED_CARD once
        registry.addDriver(driver);
        provider.insert(READER_A, "3B01", "SERIAL-1");
        registry.refresh();
        assertTrue(registry.views().get(0).problem().isPresent());

        assertTrue(registry.refresh(), "read again, without being re-inserted");
        assertEquals("SERIAL-1", registry.views().get(0).card().orElseThrow().serialNumber());
    }

    @Test
    void cardsAreFoundBySerialWhateverReaderTheyAreIn() throws CardException {
        registry.addDriver(new FakeDriver("only", 5));
        provider.insert(READER_A, "3B01", "SERIAL-1");
        provider.insert(READER_B, "3B01", "SERIAL-2");
        registry.refresh();
        try (CardSession session = registry.open("SERIAL-2")) {
            assertEquals("SERIAL-2", session.identity().serialNumber());
        }
    }

    @Test
    void aProviderThatFailsToScanDoesNotStopTheOthers() {
        registry.addDriver(new FakeDriver("only", 5));
        FakeProvider broken = new FakeProvider();
        broken.failing = true;
        registry.addProvider(broken);
        provider.insert(READER_A, "3B01", "SERIAL-1");
        registry.refresh();
        assertEquals(1, registry.views().size());
    }

    // --- fakes ------------------------------------------------------------------------------------

    private static final class FakeProvider implements CardReaderProvider {
        private final Map<CardReader, String[]> cards = new java.util.LinkedHashMap<>();
        boolean failing;

        void insert(CardReader reader, String atr, String serial) {
            cards.put(reader, new String[] { atr, serial });
        }

        void pull(CardReader reader) {
            cards.put(reader, null);
        }

        @Override
        public List<ReaderState> scan() throws CardException {
            if (failing) {
                throw new CardException(CardException.Reason.IO, "service stopped");
            }
            List<ReaderState> states = new ArrayList<>();
            cards.forEach((reader, card) -> states.add(new ReaderState(reader, card != null)));
            return states;
        }

        @Override
        public CardTransport connect(CardReader reader) throws CardException {
            String[] card = cards.get(reader);
            if (card == null) {
                throw new CardException(CardException.Reason.CARD_REMOVED, "no card");
            }
            return new FakeTransport(new CardProbe(reader, card[0], Map.of("serial", card[1])));
        }
    }

    private record FakeTransport(CardProbe probe) implements CardTransport {
        @Override
        public void close() {
        }
    }

    private static final class FakeDriver implements CardDriver {
        private final String id;
        private final int score;
        final AtomicInteger opened = new AtomicInteger();
        int failuresLeft;

        FakeDriver(String id, int score) {
            this.id = id;
            this.score = score;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return id;
        }

        @Override
        public int match(CardProbe probe) {
            return score;
        }

        @Override
        public CardSession open(CardProbe probe, CardTransport transport) throws CardException {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new CardException(CardException.Reason.IO, "card reset");
            }
            opened.incrementAndGet();
            CardIdentity identity = new CardIdentity(probe.tokenInfo().get("serial"), probe.atr(), "fake", Optional.empty(),
                    Optional.empty());
            return new CardSession() {
                @Override
                public CardIdentity identity() {
                    return identity;
                }

                @Override
                public PinStatus pinStatus() {
                    return PinStatus.ofTriesLeft(3);
                }

                @Override
                public void verifyPin(char[] pin) {
                }

                @Override
                public void changePin(char[] oldPin, char[] newPin) {
                }

                @Override
                public UnblockChallenge unblockChallenge() {
                    return new UnblockChallenge(identity.serialNumber(), new byte[16]);
                }

                @Override
                public void unblock(UnblockAuthorization authorization, char[] newPin) {
                }

                @Override
                public List<CardCertificate> certificates() {
                    return List.of();
                }

                @Override
                public byte[] sign(String keyId, DigestAlgorithm algorithm, byte[] digest) {
                    return new byte[0];
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
