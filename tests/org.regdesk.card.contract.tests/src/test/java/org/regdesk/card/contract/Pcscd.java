package org.regdesk.card.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** The tests that need a real pcscd: `./desk test` starts one; CI must have it, a developer may not. */
final class Pcscd {

    private Pcscd() {
    }

    static void require() {
        boolean running = Files.exists(Path.of("/run/pcscd/pcscd.comm"));
        if (System.getenv("CI") != null) {
            assertTrue(running, "pcscd is not running; ./desk test starts it");
        }
        Assumptions.assumeTrue(running, "pcscd is not running (./desk test starts it)");
    }
}
