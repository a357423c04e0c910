package org.regdesk.server.audit.internal;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The auditors' command: {@code AuditChainCheck <export.jsonl> <audit key file> [checkpoint files...]} prints whether
 * the exported chain is whole (each record sealed with the audit key and linked to the one before) and still holds
 * every checkpoint the nodes wrote outside the database, or what was changed, removed or reordered; exits 0 or 1.
 */
public final class AuditChainCheck {

    private AuditChainCheck() {
    }

    public static void main(String[] arguments) throws Exception {
        if (arguments.length < 2) {
            System.out.println("usage: AuditChainCheck <audit export, JSON lines> <audit key file (base64)> [checkpoint files...]");
            System.exit(2);
        }
        List<Path> checkpoints = new ArrayList<>();
        for (int i = 2; i < arguments.length; i++) {
            checkpoints.add(Path.of(arguments[i]));
        }
        AuditSeal seal = new AuditSeal(Base64.getDecoder().decode(Files.readString(Path.of(arguments[1])).strip()));
        System.exit(check(Path.of(arguments[0]), seal, checkpoints) ? 0 : 1);
    }

    static boolean check(Path export, AuditSeal seal, List<Path> checkpointFiles) throws Exception {
        List<AuditRecord> chain;
        try (BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            chain = AuditTrail.readJsonLines(in);
        }
        Optional<Long> broken = AuditTrail.firstBroken(seal, chain);
        if (broken.isPresent()) {
            System.out.println("BROKEN at record " + broken.get() + " of " + chain.size()
                    + ": it was changed, or a record before it was removed or reordered.");
            return false;
        }
        List<AuditCheckpoints.Checkpoint> checkpoints = new ArrayList<>();
        for (Path file : checkpointFiles) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                checkpoints.addAll(AuditCheckpoints.read(in));
            }
        }
        Optional<String> problem = new AuditCheckpoints(seal).problem(chain, checkpoints);
        if (problem.isPresent()) {
            System.out.println("BROKEN: " + problem.get() + ".");
            return false;
        }
        System.out.println("OK: " + chain.size() + " records, chain intact, " + checkpoints.size() + " checkpoint(s) hold.");
        return true;
    }
}
