package org.regdesk.card.reference;

import java.nio.file.Path;

import org.regdesk.server.keys.KeystoreCardKeyService;

/**
 * Writes the master key the demo cards are personalized with ({@link VirtualCardHost#DEMO_SEED}) as the
 * PKCS#12 keystore regdesk-server reads, so the demo server can unblock the demo card:
 * {@code java ... DemoMasterKey <keystore.p12> <password>}.
 */
public final class DemoMasterKey {

    private DemoMasterKey() {
    }

    public static void main(String[] arguments) throws Exception {
        if (arguments.length != 2) {
            System.out.println("usage: DemoMasterKey <keystore.p12> <password>");
            System.exit(2);
        }
        KeystoreCardKeyService.writeKeystore(Path.of(arguments[0]), arguments[1].toCharArray(), "regdesk-card-master",
                new TestCardFactory(VirtualCardHost.DEMO_SEED).masterKey());
    }
}
