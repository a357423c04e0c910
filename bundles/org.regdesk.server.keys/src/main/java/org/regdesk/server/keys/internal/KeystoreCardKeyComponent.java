package org.regdesk.server.keys.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card key service from a PKCS#12 keystore, configured in {@code etc/org.regdesk.server.keys.cfg}.
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

        @AttributeDefinition(type = AttributeType.PASSWORD)
        String card_master_keystore_password() default "";

        String card_master_keystore_alias() default "regdesk-card-master";
    }

    private final CardKeyService keys;

    @Activate
    public KeystoreCardKeyComponent(Configuration configuration) throws GeneralSecurityException, IOException {
        String path = configuration.card_master_keystore_path().trim();
        String alias = configuration.card_master_keystore_alias();
        keys = path.isEmpty() ? development(Path.of(configuration.data_directory().trim()).toAbsolutePath(), alias)
                : KeystoreCardKeyService.open(Path.of(path), configuration.card_master_keystore_password().toCharArray(), alias);
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
