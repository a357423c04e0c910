package org.regdesk.card.pkcs11.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardException.Reason;
import org.regdesk.card.api.CardReader;
import org.regdesk.card.api.CardReaderProvider;
import org.regdesk.card.api.CardTransport;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.Token;
import org.xipki.pkcs11.wrapper.TokenInfo;

/**
 * The slots of one PKCS#11 module (SoftHSM2, OpenSC, akisp11, ...) as readers. All slots are listed,
 * not only those with a token: some modules (akisp11) report none with tokenPresent=true.
 */
@Component(service = CardReaderProvider.class, configurationPid = Pkcs11ReaderProvider.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = Pkcs11ReaderProvider.Configuration.class)
public final class Pkcs11ReaderProvider implements CardReaderProvider {

    static final String PID = "org.regdesk.card.pkcs11";

    @ObjectClassDefinition(name = "RegDesk PKCS#11 module")
    public @interface Configuration {
        @AttributeDefinition(description = "Path of the PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so")
        String module_path();

        @AttributeDefinition(description = "Name shown for the module's slots")
        String name() default "PKCS#11";
    }

    private final PKCS11Module module;
    private final String name;

    @Activate
    public Pkcs11ReaderProvider(Configuration configuration) throws IOException, PKCS11Exception {
        this(configuration.module_path(), configuration.name());
    }

    public Pkcs11ReaderProvider(String modulePath, String name) throws IOException, PKCS11Exception {
        this.module = PKCS11Module.getInstance(modulePath);
        this.name = name;
        try {
            module.initialize();
        } catch (PKCS11Exception e) {
            if (e.getErrorCode() != 0x191) { // CKR_CRYPTOKI_ALREADY_INITIALIZED: another user in this JVM
                throw e;
            }
        }
    }

    @Deactivate
    void deactivate() {
        // No C_Finalize: another wrapper in this process may still use the module (FIELD-NOTES).
    }

    @Override
    public List<ReaderState> scan() throws CardException {
        try {
            List<ReaderState> states = new ArrayList<>();
            for (Slot slot : module.getSlotList(false)) {
                states.add(new ReaderState(reader(slot), slot.getNullableToken() != null));
            }
            return states;
        } catch (PKCS11Exception e) {
            throw Pkcs11Errors.translate(e, "Listing the slots");
        }
    }

    @Override
    public CardTransport connect(CardReader reader) throws CardException {
        try {
            for (Slot slot : module.getSlotList(false)) {
                if (reader(slot).id().equals(reader.id())) {
                    Token token = slot.getNullableToken();
                    if (token == null) {
                        throw new CardException(Reason.CARD_REMOVED, "No token in " + reader.name());
                    }
                    TokenInfo info = token.getTokenInfo();
                    return new Pkcs11Token(token, Pkcs11Token.probe(reader, info));
                }
            }
        } catch (PKCS11Exception e) {
            throw Pkcs11Errors.translate(e, "Connecting to " + reader.name());
        }
        throw new CardException(Reason.CARD_REMOVED, "The slot " + reader.name() + " is gone");
    }

    private CardReader reader(Slot slot) {
        return new CardReader("pkcs11:" + name + ":" + slot.getSlotID(), name + " slot " + slot.getSlotID());
    }
}
