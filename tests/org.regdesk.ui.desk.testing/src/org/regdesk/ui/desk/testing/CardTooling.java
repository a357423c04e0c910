package org.regdesk.ui.desk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The reference card tooling (cards/org.regdesk.card.reference, a plain Maven module) in its own JVM:
 * a personalized reference card in a vsmartcard reader of the machine's pcscd, pulled and put back on
 * command, and the demo card master key for the server. The UI test sees the card only as the
 * workstation does: through pcscd and the PC/SC driver.
 */
public final class CardTooling {

    private static final Path PCSCD_SOCKET = Path.of("/run/pcscd/pcscd.comm");

    private CardTooling() {
    }

    /** Skips (or, in CI, fails) when pcscd with vsmartcard-vpcd is not running. */
    public static void requirePcscd() {
        boolean running = Files.exists(PCSCD_SOCKET);
        if (System.getenv("CI") != null) {
            assertTrue(running, "pcscd must be running (./desk test starts it)");
        }
        Assumptions.assumeTrue(running, "pcscd is not running: start it with ./desk test");
    }

    /** Writes the master key the demo cards are made with, as the registry's keystore. */
    public static Path demoMasterKey(Path directory, String password) throws Exception {
        Path keystore = directory.resolve("demo-card-master.p12");
        Process process = java("org.regdesk.card.reference.DemoMasterKey", keystore.toString(), password)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return keystore;
    }

    /** Writes the demo cards' test CA: {ca.pem (the E-Onay trust anchor), ca.p12 and its password file (the reference CA's key)}. */
    public static Path[] demoTrust(Path directory) throws Exception {
        Path ca = directory.resolve("demo-ca.pem");
        Path keystore = directory.resolve("demo-ca.p12");
        Path password = directory.resolve("demo-ca.password");
        Process process = java("org.regdesk.card.reference.DemoTrust", ca.toString(), keystore.toString(), password.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return new Path[] { ca, keystore, password };
    }

    /** A card with the holder's certificate, PIN not set, inserted into the vpcd reader on {@code port}. */
    public static VirtualCard insert(int port, String serial, String holder, String tckn) throws Exception {
        return new VirtualCard(java("org.regdesk.card.reference.VirtualCardHost", String.valueOf(port), serial, holder, tckn)
                .redirectErrorStream(true).start());
    }

    /** As {@link #insert(int, String, String, String)}, the card's certificate handed to the reference CA's issuance folder. */
    public static VirtualCard insert(int port, String serial, String holder, String tckn, Path issued) throws Exception {
        return new VirtualCard(java("org.regdesk.card.reference.VirtualCardHost", String.valueOf(port), serial, holder, tckn,
                issued.toString()).redirectErrorStream(true).start());
    }

    private static ProcessBuilder java(String mainClass, String... arguments) throws IOException {
        Path tooling = Path.of(System.getProperty("regdesk.card.tooling", "../../cards/org.regdesk.card.reference/target"));
        Path classpathFile = tooling.resolve("runtime-classpath.txt");
        assertTrue(Files.exists(classpathFile), classpathFile + " is missing: build cards/org.regdesk.card.reference first");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", tooling.resolve("classes") + ":" + Files.readString(classpathFile).strip(), mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command);
    }

    /** The card host process; its standard input takes remove / insert / remove-at-unblock. */
    public static final class VirtualCard implements AutoCloseable {

        private final Process process;
        private final BufferedReader output;
        private final PrintWriter commands;

        private VirtualCard(Process process) throws IOException {
            this.process = process;
            this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            awaitLine("is in the vpcd reader");
        }

        public void remove() throws IOException {
            command("remove");
        }

        public void insert() throws IOException {
            command("insert");
        }

        /** The card leaves the reader when the unblock command reaches it, before the card sees it. */
        public void removeAtUnblock() throws IOException {
            command("remove-at-unblock");
        }

        private void command(String command) throws IOException {
            commands.println(command);
            awaitLine("ok " + command);
        }

        private void awaitLine(String expected) throws IOException {
            StringBuilder seen = new StringBuilder();
            for (String line; (line = output.readLine()) != null;) {
                if (line.contains(expected)) {
                    return;
                }
                seen.append(line).append('\n');
            }
            throw new AssertionError("the card host ended without '" + expected + "':\n" + seen);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
