package org.regdesk.backend.tests;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.regdesk.server.http.Reply;
import org.regdesk.server.http.Route;

/**
 * The server side of {@code ./desk bench-wrk}: a registry (PostgreSQL or H2) with a bare desk route beside the real
 * ones, signed-in desks (200 by default) whose certificates (PEM, for HAProxy's connections to the node) and tokens it writes out,
 * and one-time codes and SMS-verified-to-be sessions for wrk to spend once each. wrk has no client certificates, so
 * HAProxy carries its requests to the node with the desk's certificate; the bare route takes the same path, so the
 * ratio compares like with like. Arguments: output folder, how many codes (and as many SMS sessions), h2|postgresql, how
 * many desks.
 * Runs until its standard input closes.
 */
public final class WrkTargets {

    private WrkTargets() {
    }

    public static void main(String[] arguments) throws Exception {
        Path out = Files.createDirectories(Path.of(arguments[0]));
        int count = Integer.parseInt(arguments[1]);
        TestDatabase database = "h2".equals(arguments[2]) ? TestDatabase.H2 : TestDatabase.POSTGRESQL;
        int deskCount = Integer.parseInt(arguments[3]);
        try (TestBackend backend = new TestBackend(Files.createTempDirectory("regdesk-wrk"), database)) {
            backend.openApi.off();
            backend.routes().add(() -> List.of(Route.post("/bench/bare", Route.Access.DESK, call -> Reply.ok(Map.of("ok", true)))));
            List<RegistryLoadBenchmark.SignedInDesk> desks = RegistryLoadBenchmark.signedInDesks(backend, "WRK", deskCount);
            for (int i = 0; i < desks.size(); i++) {
                writePem(backend, desks.get(i).id(), out.resolve("desk" + i + ".pem"));
            }
            ConcurrentLinkedQueue<byte[]> codes = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String[]> otps = new ConcurrentLinkedQueue<>();
            RegistryLoadBenchmark.prepare(backend, desks.stream().map(RegistryLoadBenchmark.SignedInDesk::actor).toList(), count,
                    codes, otps);
            // one line per request: desk index, token, path, body (wrk spends each line once); consecutive lines are
            // different desks, so each desk has about one request in flight, as a desk at work has
            List<String> bare = new ArrayList<>();
            List<String> validation = new ArrayList<>();
            List<String> verification = new ArrayList<>();
            int i = 0;
            for (byte[] body : codes) {
                int desk = i++ % desks.size();
                validation.add(desk + "\t" + desks.get(desk).token() + "\t/api/v1/desk-sessions\t" + new String(body));
                bare.add(desk + "\t" + desks.get(desk).token() + "\t/bench/bare\t{}");
            }
            for (String[] pending : otps) {
                int desk = Integer.parseInt(pending[2]);
                verification.add(desk + "\t" + desks.get(desk).token() + "\t/api/v1/desk-sessions/" + pending[0]
                        + "/otp/verify\t{\"code\":\"" + pending[1] + "\"}");
            }
            Files.writeString(out.resolve("desks"), desks.size() + "\n");
            Files.write(out.resolve("bare.tsv"), bare);
            Files.write(out.resolve("validation.tsv"), validation);
            Files.write(out.resolve("verification.tsv"), verification);
            Files.writeString(out.resolve("node"), backend.base.getPort() + "\n");
            System.out.println("READY " + backend.base + " " + database);
            System.in.read();
        }
    }

    /**
     * The desk's certificate chain and key in one PEM file, as HAProxy's {@code crt} takes them (the key as PKCS#8
     * "PRIVATE KEY": OpenSSL 3 does not read BC's traditional EC key encoding of these keys).
     */
    private static void writePem(TestBackend backend, String desk, Path file) throws Exception {
        Path desks = backend.data.resolve("desks");
        char[] password = Files.readString(desks.resolve(desk + ".password")).strip().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(desks.resolve(desk + ".p12"))) {
            store.load(in, password);
        }
        StringBuilder text = new StringBuilder();
        for (Certificate certificate : store.getCertificateChain(desk)) {
            text.append(pem("CERTIFICATE", certificate.getEncoded()));
        }
        text.append(pem("PRIVATE KEY", ((PrivateKey) store.getKey(desk, password)).getEncoded()));
        Files.writeString(file, text.toString());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END "
                + type + "-----\n";
    }
}
