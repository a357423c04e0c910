package org.regdesk.backend.tests;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenID Provider for the portal's sign-in tests: panva/oidc-provider (OpenID certified) under Node.js, from
 * {@code oidc-provider/} of this module ({@code npm ci} there first; {@code ./desk test} and CI do). Its client
 * {@code regdesk-portal} has the portal's callback and the page after sign-out registered; any login name signs in as
 * that account (the ID token's {@code sub}).
 */
final class TestOpenIdProvider implements AutoCloseable {

    static final String CLIENT_ID = "regdesk-portal";

    private final Process process;
    final URI issuer;
    final Path secretFile;

    TestOpenIdProvider(URI callback, URI afterSignOut, Path folder) throws Exception {
        Path home = Path.of("oidc-provider").toAbsolutePath();
        if (!Files.isDirectory(home.resolve("node_modules/oidc-provider"))) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI needs the test OpenID provider: npm ci in " + home);
            }
            Assumptions.abort("the test OpenID provider is not installed (cd " + home + " && npm ci)");
        }
        secretFile = folder.resolve("oidc-client.secret");
        org.regdesk.server.keys.PrivateFiles.write(secretFile, java.util.UUID.randomUUID().toString());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Files.createDirectories(Path.of("target")).resolve("oidc-provider.log");
        process = new ProcessBuilder("node", "provider.mjs", Integer.toString(port), callback.toString(), afterSignOut.toString(),
                secretFile.toString()).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        String started = null;
        for (int i = 0; i < 300 && started == null && process.isAlive(); i++) {
            Thread.sleep(100);
            started = Files.readAllLines(log).stream().filter(line -> line.startsWith("READY ")).findFirst()
                    .map(line -> line.substring(6).strip()).orElse(null);
        }
        if (started == null) {
            process.destroy();
            throw new IllegalStateException("the test OpenID provider did not start; see " + log.toAbsolutePath());
        }
        issuer = URI.create(started);
    }

    @Override
    public void close() {
        process.destroy();
    }
}
