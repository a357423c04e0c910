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
 * The PC/SC readers of this machine. A pcscd restart kills the PC/SC context, and the JDK's provider
 * keeps that one context for the life of the JVM; the provider then makes it forget the dead context
 * (see {@link #forgetDeadContext}) and starts over, so readers come back without restarting the desk.
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
            // A dead context (pcscd restarted or stopped): start over next time.
            boolean forgotten = factory != null && forgetDeadContext(factory);
            factory = null;
            throw new CardException(Reason.IO, "The PC/SC service is not available: " + e.getMessage()
                    + (forgotten ? "" : " (restart the workstation once pcscd runs again)"), e);
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

    /**
     * The JDK's PC/SC provider establishes its context once per JVM (a static field of its
     * {@code PCSCTerminals}) and caches terminals bound to it; after pcscd restarts both are dead
     * for good. Clearing them makes the next factory establish a new context. Needs
     * {@code --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED}, which the
     * workstation launcher passes; without it this returns false and a restart of the desk helps.
     */
    static boolean forgetDeadContext(TerminalFactory deadFactory) {
        Class<?> terminals = deadFactory.terminals().getClass();
        try {
            java.lang.reflect.Field context = terminals.getDeclaredField("contextId");
            java.lang.reflect.Field cache = terminals.getDeclaredField("terminals");
            context.setAccessible(true);
            cache.setAccessible(true);
            synchronized (terminals) { // the provider's static methods lock the class
                context.setLong(null, 0L);
                ((java.util.Map<?, ?>) cache.get(null)).clear();
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException notOpenedOrOtherJdk) {
            return false;
        }
    }

    static CardReader reader(CardTerminal terminal) {
        return new CardReader(ID_PREFIX + terminal.getName(), terminal.getName());
    }
}
