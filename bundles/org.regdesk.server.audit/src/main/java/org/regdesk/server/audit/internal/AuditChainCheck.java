package org.regdesk.server.audit.internal;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The auditors' command: {@code AuditChainCheck <export.jsonl>} prints whether the exported chain is
 * whole, or the first record that was changed, removed or reordered, and exits 0 or 1.
 */
public final class AuditChainCheck {

    private AuditChainCheck() {
    }

    public static void main(String[] arguments) throws Exception {
        if (arguments.length != 1) {
            System.out.println("usage: AuditChainCheck <audit export, JSON lines>");
            System.exit(2);
        }
        System.exit(check(Path.of(arguments[0])) ? 0 : 1);
    }

    static boolean check(Path export) throws Exception {
        List<AuditRecord> chain;
        try (BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            chain = AuditTrail.readJsonLines(in);
        }
        Optional<Long> broken = AuditTrail.firstBroken(chain);
        if (broken.isPresent()) {
            System.out.println("BROKEN at record " + broken.get() + " of " + chain.size()
                    + ": it was changed, or a record before it was removed or reordered.");
            return false;
        }
        System.out.println("OK: " + chain.size() + " records, chain intact.");
        return true;
    }
}
