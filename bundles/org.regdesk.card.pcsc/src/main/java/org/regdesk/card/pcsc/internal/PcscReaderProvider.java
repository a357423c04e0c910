package org.regdesk.card.pcsc.internal;

import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

import org.osgi.service.component.annotations.Component;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardException.Reason;
import org.regdesk.card.api.CardReader;
import org.regdesk.card.api.CardReaderProvider;
import org.regdesk.card.api.CardTransport;

/**
 * The PC/SC readers of this machine. A pcscd restart kills the PC/SC context; the provider then
 * starts over with a new one at the next scan, so readers come back without restarting the desk.
 */
@Component(service = CardReaderProvider.class)
public final class PcscReaderProvider implements CardReaderProvider {

    private static final String ID_PREFIX = "pcsc:";

    private TerminalFactory factory;

    @Override
    public synchronized List<ReaderState> scan() throws CardException {
        try {
            List<ReaderState> states = new ArrayList<>();
            for (CardTerminal terminal : factory().terminals().list()) {
                states.add(new ReaderState(reader(terminal), terminal.isCardPresent()));
            }
            return states;
        } catch (javax.smartcardio.CardException e) {
            if (String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT).contains("NO_READERS_AVAILABLE")) {
                return List.of();
            }
            factory = null; // a dead context (pcscd restarted or stopped): start over next time
            throw new CardException(Reason.IO, "The PC/SC service is not available: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized CardTransport connect(CardReader reader) throws CardException {
        if (!reader.id().startsWith(ID_PREFIX)) {
            throw new CardException(Reason.UNSUPPORTED, reader.name() + " is not a PC/SC reader");
        }
        CardTerminal terminal = factory().terminals().getTerminal(reader.name());
        if (terminal == null) {
            throw new CardException(Reason.CARD_REMOVED, "The reader " + reader.name() + " is gone");
        }
        return PcscTransport.connect(terminal);
    }

    private TerminalFactory factory() throws CardException {
        if (factory == null) {
            try {
                factory = TerminalFactory.getInstance("PC/SC", null);
            } catch (NoSuchAlgorithmException e) {
                throw new CardException(Reason.UNSUPPORTED, "This Java has no PC/SC support", e);
            }
        }
        return factory;
    }

    static CardReader reader(CardTerminal terminal) {
        return new CardReader(ID_PREFIX + terminal.getName(), terminal.getName());
    }
}
