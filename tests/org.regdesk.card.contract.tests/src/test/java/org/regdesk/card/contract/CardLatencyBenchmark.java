package org.regdesk.card.contract;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

import javax.smartcardio.TerminalFactory;

import org.regdesk.card.api.ApduTransport;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.DigestAlgorithm;
import org.regdesk.card.api.UnblockAuthorization;
import org.regdesk.card.pcsc.internal.PcscTransport;
import org.regdesk.card.pcsc.internal.ReferenceCardDriver;
import org.regdesk.card.reference.AdminKeys;
import org.regdesk.card.reference.ReferenceCards;
import org.regdesk.card.reference.SimulatorTransport;
import org.regdesk.card.reference.TestCardFactory;
import org.regdesk.card.reference.VirtualCardBridge;

import com.licel.jcardsim.smartcardio.CardSimulator;

/**
 * Card latency, printed side by side (run with `./desk bench-cards`; needs pcscd + vsmartcard-vpcd):
 * one APDU round trip, a PIN verify and an RSA-2048 signature through the reference driver, with the
 * card in-process on jCardSim and with the same kind of card behind pcscd and vpcd.
 */
public final class CardLatencyBenchmark {

    private static final byte[] GET_SERIAL = HexFormat.of().parseHex("80CA000100");

    private CardLatencyBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        int rounds = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 200;
        TestCardFactory factory = new TestCardFactory(1L);

        CardSimulator local = ReferenceCards.newCard();
        TestCardFactory.PersonalizedCard localCard = factory.personalize(local::transmitCommand, "RD0000000501",
                new TestCardFactory.Holder("BENCH", "10000000146"));
        local.reset();
        ApduTransport inProcess = new SimulatorTransport(local);

        CardSimulator remote = ReferenceCards.newCard();
        TestCardFactory.PersonalizedCard remoteCard = factory.personalize(remote::transmitCommand, "RD0000000502",
                new TestCardFactory.Holder("BENCH", "10000000146"));
        remote.reset();
        try (VirtualCardBridge bridge = VirtualCardBridge.insert(remote, "127.0.0.1", VirtualCardBridge.READER_0_PORT,
                Duration.ofSeconds(10))) {
            var terminal = TerminalFactory.getDefault().terminals().getTerminal("Virtual PCD 00 00");
            terminal.waitForCardPresent(10_000);
            PcscTransport throughPcscd = PcscTransport.connect(terminal);

            ReferenceCardDriver driver = new ReferenceCardDriver();
            try (CardSession localSession = driver.open(inProcess.probe(), inProcess);
                    CardSession remoteSession = driver.open(throughPcscd.probe(), throughPcscd)) {
                setPin(localSession, localCard);
                setPin(remoteSession, remoteCard);
                byte[] digest = MessageDigest.getInstance("SHA-256").digest("E-Onay".getBytes());

                System.out.printf("Card latency, median of the rounds, %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.vm.version"));
                System.out.printf("%-28s %14s %14s %8s%n", "reference card", "in-process µs", "pcscd+vpcd µs", "ratio");
                row("APDU round trip (GET DATA)", rounds, () -> inProcess.transmit(GET_SERIAL),
                        () -> throughPcscd.transmit(GET_SERIAL));
                row("PIN verify (driver)", rounds / 2, () -> localSession.verifyPin("123456".toCharArray()),
                        () -> remoteSession.verifyPin("123456".toCharArray()));
                row("RSA-2048 sign (driver)", Math.max(10, rounds / 10), () -> {
                    localSession.verifyPin("123456".toCharArray());
                    localSession.sign("sign", DigestAlgorithm.SHA256, digest);
                }, () -> {
                    remoteSession.verifyPin("123456".toCharArray());
                    remoteSession.sign("sign", DigestAlgorithm.SHA256, digest);
                });
            }
        }
        softHsm(rounds);
    }

    /** The PKCS#11 driver on a SoftHSM2 token (no APDUs: the token is a library). */
    private static void softHsm(int rounds) throws Exception {
        var provider = SoftHsmTokens.create(1, "10000000", new TestCardFactory.Holder("BENCH", "10000000146"));
        var reader = provider.scan().stream().filter(state -> state.cardPresent()).findFirst().orElseThrow().reader();
        var token = provider.connect(reader);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("E-Onay".getBytes());
        try (CardSession session = new org.regdesk.card.pkcs11.internal.Pkcs11Driver().open(token.probe(), token)) {
            String keyId = session.certificates().get(0).keyId();
            System.out.printf("%-28s %14s%n", "PKCS#11 on SoftHSM2", "µs");
            System.out.printf("%-28s %14d%n", "PIN verify (C_Login)", median(rounds / 2, () -> session.verifyPin("000000".toCharArray())));
            System.out.printf("%-28s %14d%n", "RSA-2048 sign (C_Sign)", median(Math.max(10, rounds / 10),
                    () -> session.sign(keyId, DigestAlgorithm.SHA256, digest)));
        }
    }

    private static void setPin(CardSession session, TestCardFactory.PersonalizedCard card) throws Exception {
        session.unblock(new UnblockAuthorization.Cryptogram(
                AdminKeys.unblockCryptogram(card.adminKey(), session.unblockChallenge().challenge())), "123456".toCharArray());
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void row(String name, int rounds, Work inProcess, Work throughPcscd) throws Exception {
        long local = median(rounds, inProcess);
        long remote = median(rounds, throughPcscd);
        System.out.printf("%-28s %14d %14d %8.1f%n", name, local, remote, (double) remote / Math.max(1, local));
    }

    private static long median(int rounds, Work work) throws Exception {
        for (int i = 0; i < Math.min(20, rounds); i++) {
            work.run(); // warm-up
        }
        long[] micros = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.run();
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        return micros[rounds / 2];
    }
}
