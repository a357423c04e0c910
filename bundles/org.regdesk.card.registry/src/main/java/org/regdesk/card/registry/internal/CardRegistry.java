package org.regdesk.card.registry.internal;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.regdesk.card.api.CardCertificate;
import org.regdesk.card.api.CardDriver;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardException.Reason;
import org.regdesk.card.api.CardProbe;
import org.regdesk.card.api.CardReader;
import org.regdesk.card.api.CardReaderProvider;
import org.regdesk.card.api.CardReaderProvider.ReaderState;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.CardTransport;
import org.regdesk.card.api.CardView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which card is in which reader and which driver serves it. Drivers and reader providers come and go
 * at any time (field updates); a card is read once when it appears, and again when its driver leaves
 * or a better one arrives. A card that could not be read is tried again at every scan: right after a
 * driver update the new PC/SC context first sees the card as just inserted. Plain Java, driven by
 * {@link CardRegistryComponent}.
 */
public final class CardRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CardRegistry.class);

    private final Map<String, CardDriver> drivers = new ConcurrentHashMap<>();
    private final Map<CardReaderProvider, Boolean> providers = new ConcurrentHashMap<>();
    private final Map<String, CardReaderProvider> providerOfReader = new ConcurrentHashMap<>();
    private volatile List<CardView> views = List.of();
    private volatile boolean driversChanged;

    public void addDriver(CardDriver driver) {
        drivers.put(driver.id(), driver);
        driversChanged = true;
    }

    public void removeDriver(CardDriver driver) {
        drivers.remove(driver.id(), driver);
        driversChanged = true;
    }

    public void addProvider(CardReaderProvider provider) {
        providers.put(provider, Boolean.TRUE);
    }

    public void removeProvider(CardReaderProvider provider) {
        providers.remove(provider);
        providerOfReader.values().removeIf(provider::equals);
    }

    public List<CardView> views() {
        return views;
    }

    /** Scans every provider; returns true when anything the operator sees changed. */
    public synchronized boolean refresh() {
        boolean reread = driversChanged;
        driversChanged = false;
        Map<String, CardView> previous = new HashMap<>();
        for (CardView view : views) {
            previous.put(view.reader().id(), view);
        }
        List<CardView> next = new ArrayList<>();
        for (CardReaderProvider provider : providers.keySet()) {
            List<ReaderState> readers;
            try {
                readers = provider.scan();
            } catch (CardException e) {
                LOG.debug("Reader scan failed: {}", e.getMessage());
                continue;
            }
            for (ReaderState state : readers) {
                providerOfReader.put(state.reader().id(), provider);
                CardView before = previous.get(state.reader().id());
                if (!state.cardPresent()) {
                    next.add(CardView.empty(state.reader()));
                } else if (before != null && before.card().isPresent() && !reread) {
                    next.add(before);
                } else {
                    CardView read = read(provider, state.reader());
                    if (read.problem().isPresent() && !read.equals(before)) { // once, not at every retry
                        LOG.info("Card in {} could not be read: {}", state.reader().name(), read.problem().get());
                    }
                    next.add(read);
                }
            }
        }
        next.sort(Comparator.comparing(view -> view.reader().name()));
        boolean changed = !next.equals(views);
        views = List.copyOf(next);
        return changed;
    }

    /** The driver that fits the card best, if any fits at all. */
    public Optional<CardDriver> bestDriver(CardProbe probe) {
        CardDriver best = null;
        int bestScore = 0;
        for (CardDriver driver : drivers.values()) {
            int score = driver.match(probe);
            if (score > bestScore) {
                best = driver;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    public CardSession open(String serialNumber) throws CardException {
        for (CardView view : views) {
            if (view.card().isPresent() && view.card().get().serialNumber().equals(serialNumber)) {
                CardReaderProvider provider = providerOfReader.get(view.reader().id());
                if (provider != null) {
                    return openWithBestDriver(provider, view.reader()).session();
                }
            }
        }
        throw new CardException(Reason.CARD_REMOVED, "Card " + serialNumber + " is in no reader");
    }

    private record Opened(CardDriver driver, CardSession session) {
    }

    private Opened openWithBestDriver(CardReaderProvider provider, CardReader reader) throws CardException {
        CardTransport transport = provider.connect(reader);
        try {
            CardDriver driver = bestDriver(transport.probe()).orElseThrow(() -> new CardException(Reason.UNSUPPORTED,
                    "No installed driver supports this card (ATR " + transport.probe().atr() + ")"));
            return new Opened(driver, driver.open(transport.probe(), transport));
        } catch (CardException | RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    private CardView read(CardReaderProvider provider, CardReader reader) {
        Opened opened;
        try {
            opened = openWithBestDriver(provider, reader);
        } catch (CardException e) {
            return CardView.unreadable(reader, e.getMessage());
        }
        try (CardSession session = opened.session()) {
            Optional<X509Certificate> certificate = session.certificates().stream().findFirst()
                    .map(CardCertificate::certificate);
            return new CardView(reader, true, Optional.of(session.identity()), Optional.of(opened.driver().id()),
                    Optional.of(session.pinStatus()),
                    certificate.map(c -> c.getSubjectX500Principal().getName()),
                    certificate.map(c -> c.getNotAfter().toInstant()), Optional.empty());
        } catch (CardException e) {
            return CardView.unreadable(reader, e.getMessage());
        }
    }
}
