package org.regdesk.server.keys.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.regdesk.server.keys.CardKeyService;
import org.regdesk.server.keys.KeystoreCardKeyService;
import org.regdesk.server.keys.PrivateFiles;
import org.regdesk.server.settings.Keystores;
import org.regdesk.server.settings.SecretFiles;
import org.regdesk.server.settings.ServerMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card key service from a PKCS#12 keystore or a PKCS#11 token (HSM), configured in
 * {@code etc/org.regdesk.server.keys.cfg}. Only a development server makes a random key of its own.
 * Ranked 0: an HSM-backed {@link CardKeyService} registered with a higher {@code service.ranking} (or
 * chosen by the unblock operation's target filter) replaces it without touching this bundle.
 */
@Component(configurationPid = KeystoreCardKeyComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = "service.ranking:Integer=0")
@Designate(ocd = KeystoreCardKeyComponent.Configuration.class)
public final class KeystoreCardKeyComponent implements CardKeyService {

    public static final String PID = "org.regdesk.server.keys";

    private static final Logger LOG = LoggerFactory.getLogger(KeystoreCardKeyComponent.class);

    @ObjectClassDefinition(name = "RegDesk card key service (keystore)")
    public @interface Configuration {

        @AttributeDefinition(description = "Folder for a development key when no keystore is configured")
        String data_directory() default "data";

        @AttributeDefinition(description = "PKCS#12 keystore with the AES card master key; empty = a random development key in <data>/keys")
        String card_master_keystore_path() default "";

        @AttributeDefinition(description = "File (chmod 600) holding the keystore's password")
        String card_master_keystore_password_file() default "";

        @AttributeDefinition(description = "The password given directly (tests; production refuses it)", type = AttributeType.PASSWORD)
        String card_master_keystore_password() default "";

        @AttributeDefinition(description = "Alias of the keystore entry, or label of the key on the HSM")
        String card_master_keystore_alias() default "regdesk-card-master";

        @AttributeDefinition(description = "PKCS#11 module of the HSM holding the master key (instead of a keystore)")
        String card_master_pkcs11_library() default "";

        @AttributeDefinition(description = "The token's index in the module's slot list")
        int card_master_pkcs11_slot_index() default 0;

        @AttributeDefinition(description = "File (chmod 600) holding the token's user PIN")
        String card_master_pkcs11_pin_file() default "";
    }

    private final CardKeyService keys;

    @Activate
    public KeystoreCardKeyComponent(BundleContext context, Configuration configuration)
            throws GeneralSecurityException, IOException {
        String alias = configuration.card_master_keystore_alias();
        String library = configuration.card_master_pkcs11_library().trim();
        String path = configuration.card_master_keystore_path().trim();
        if (!library.isEmpty()) {
            char[] pin = SecretFiles.read("card.master.pkcs11.pin.file", Path.of(configuration.card_master_pkcs11_pin_file().trim()));
            keys = KeystoreCardKeyService.onToken(Keystores.pkcs11("RegDeskCardKeys", Path.of(library),
                    configuration.card_master_pkcs11_slot_index(), pin), alias);
            LOG.info("Card master key '{}' on the HSM {}", alias, library);
        } else if (!path.isEmpty()) {
            char[] password = SecretFiles.readIfSet("card.master.keystore.password.file",
                    configuration.card_master_keystore_password_file())
                    .orElseGet(() -> configuration.card_master_keystore_password().toCharArray());
            keys = KeystoreCardKeyService.open(Path.of(path), password, alias);
        } else {
            ServerMode.from(context.getProperty(ServerMode.PROPERTY)).requireInProduction("card.master.keystore.path", false,
                    "is empty; production needs the card master key in a keystore or on an HSM (card.master.pkcs11.library)");
            keys = development(Path.of(configuration.data_directory().trim()).toAbsolutePath(), alias);
        }
    }

    /** A random master key made once in {@code <data>/keys}: cards personalized elsewhere will not unblock. */
    private static CardKeyService development(Path data, String alias) throws GeneralSecurityException, IOException {
        Path keystore = data.resolve("keys").resolve("card-master.p12");
        Path passwordFile = data.resolve("keys").resolve("card-master.password");
        if (!Files.exists(keystore)) {
            SecureRandom random = new SecureRandom();
            byte[] master = new byte[16];
            random.nextBytes(master);
            byte[] passwordBytes = new byte[18];
            random.nextBytes(passwordBytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(passwordBytes);
            PrivateFiles.write(passwordFile, password);
            KeystoreCardKeyService.writeKeystore(keystore, password.toCharArray(), alias, master);
            LOG.warn("Created a random development card master key {}: cards personalized elsewhere will not unblock", keystore);
        }
        return KeystoreCardKeyService.open(keystore, Files.readString(passwordFile).trim().toCharArray(), alias);
    }

    @Override
    public byte[] unblockCryptogram(byte[] cardSerial, byte[] challenge) throws GeneralSecurityException {
        return keys.unblockCryptogram(cardSerial, challenge);
    }

    @Override
    public String seal(String cardSerial, byte[] secret) throws GeneralSecurityException {
        return keys.seal(cardSerial, secret);
    }

    @Override
    public byte[] open(String cardSerial, String sealed) throws GeneralSecurityException {
        return keys.open(cardSerial, sealed);
    }
}
