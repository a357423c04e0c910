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
 * not only those with a token, unless a quirk says otherwise: some modules (akisp11) report none with
 * tokenPresent=true.
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

        @AttributeDefinition(description = "Quirk: list only slots with a token (C_GetSlotList(TRUE)); off by default because some modules return nothing then")
        boolean slots_with_token_only() default false;

        @AttributeDefinition(description = "Quirk: call C_Initialize with NULL instead of the OS-locking arguments (some vendor modules refuse them)")
        boolean initialize_with_null_arguments() default false;
    }

    /** Per-module behaviour that differs from the PKCS#11 text. */
    public record Quirks(boolean slotsWithTokenOnly, boolean initializeWithNullArguments) {
        public static final Quirks NONE = new Quirks(false, false);
    }

    private static final long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;

    private final PKCS11Module module;
    private final String name;
    private final Quirks quirks;

    @Activate
    public Pkcs11ReaderProvider(Configuration configuration) throws IOException, PKCS11Exception {
        this(configuration.module_path(), configuration.name(),
                new Quirks(configuration.slots_with_token_only(), configuration.initialize_with_null_arguments()));
    }

    public Pkcs11ReaderProvider(String modulePath, String name, Quirks quirks) throws IOException, PKCS11Exception {
        this.module = PKCS11Module.getInstance(modulePath);
        this.name = name;
        this.quirks = quirks;
        try {
            if (quirks.initializeWithNullArguments()) {
                initializeWithNullArguments(module);
            }
            module.initialize();
        } catch (PKCS11Exception e) {
            // Already initialized by another user of the module in this JVM: share it (FIELD-NOTES).
            if (e.getErrorCode() != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
                throw e;
            }
        }
    }

    /**
     * C_Initialize(NULL). The wrapper keeps its native interface in a package it does not export, so
     * the call goes through reflection on the public methods; the wrapper's own initialize() then
     * meets CKR_CRYPTOKI_ALREADY_INITIALIZED, which the constructor accepts.
     */
    private static void initializeWithNullArguments(PKCS11Module module) throws PKCS11Exception {
        try {
            Object nativeInterface = module.getClass().getMethod("getPKCS11Module").invoke(module);
            nativeInterface.getClass().getMethod("C_Initialize", Object.class, boolean.class).invoke(nativeInterface, null, true);
        } catch (java.lang.reflect.InvocationTargetException e) {
            long code = -1;
            try {
                code = (long) e.getCause().getClass().getMethod("getErrorCode").invoke(e.getCause());
            } catch (ReflectiveOperationException unknown) {
                // keep -1
            }
            throw new PKCS11Exception(code, "C_Initialize(NULL) failed: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new PKCS11Exception(-1, "This PKCS#11 wrapper cannot call C_Initialize(NULL): " + e);
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
            for (Slot slot : module.getSlotList(quirks.slotsWithTokenOnly())) {
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
            for (Slot slot : module.getSlotList(quirks.slotsWithTokenOnly())) {
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
