package org.regdesk.card.reference;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;

import com.licel.jcardsim.smartcardio.CardSimulator;

/**
 * Demo and manual testing: personalizes a reference card and keeps it in a vsmartcard reader of the
 * local pcscd until the process ends. {@code java ... VirtualCardHost <port> <serial> <holder name> <TCKN>
 * [<issued folder>]}: with the folder, the card's certificate is handed to the reference CA there as
 * {@code <serial>.pem}, as a personalization bureau does, so its OCSP responder knows it.
 * Lines on standard input pull and re-insert it: {@code remove}, {@code insert}, {@code remove-at-unblock}
 * (pulled when the unblock command arrives, before the card sees it).
 * The admin keys follow from the fixed seed below, so a demo backend can compute the cryptograms.
 */
public final class VirtualCardHost {

    /** The seed of the demo card factory (test CA and master admin key); never a production secret. */
    public static final long DEMO_SEED = 2026_11_26L;

    private VirtualCardHost() {
    }

    public static void main(String[] arguments) throws Exception {
        if (arguments.length != 4 && arguments.length != 5) {
            System.out.println("usage: VirtualCardHost <vpcd port, 35963 or 35964> <serial> <holder name> <TCKN> [<issued folder>]");
            System.exit(2);
        }
        int port = Integer.parseInt(arguments[0]);
        CardSimulator card = ReferenceCards.newCard();
        TestCardFactory.PersonalizedCard personalized = new TestCardFactory(DEMO_SEED).personalize(card::transmitCommand,
                arguments[1], new TestCardFactory.Holder(arguments[2], arguments[3]));
        if (arguments.length == 5) {
            Path issued = Files.createDirectories(Path.of(arguments[4])).resolve(arguments[1] + ".pem");
            Files.writeString(issued, DemoTrust.pem("CERTIFICATE", personalized.certificate().getEncoded()));
        }
        card.reset();
        VirtualCardBridge bridge = VirtualCardBridge.insert(card, "127.0.0.1", port, Duration.ofSeconds(30));
        Runtime.getRuntime().addShutdownHook(new Thread(bridge::close));
        System.out.println("Reference card " + arguments[1] + " (ATR " + HexFormat.of().formatHex(card.getATR())
                + ") is in the vpcd reader on port " + port);
        // Commands on standard input, for tests and manual fault drills; each is answered "ok <command>".
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command; (command = commands.readLine()) != null;) {
            switch (command.strip()) {
            case "remove" -> bridge.remove();
            case "insert" -> bridge.insert();
            case "remove-at-unblock" -> bridge.removeAtNext(ReferenceCardProfile.INS_RESET_RETRY_COUNTER);
            default -> {
                System.out.println("unknown command: " + command + " (remove, insert, remove-at-unblock)");
                continue;
            }
            }
            System.out.println("ok " + command.strip());
        }
        Thread.currentThread().join(); // stdin closed (started in the background): keep the card in
    }
}
