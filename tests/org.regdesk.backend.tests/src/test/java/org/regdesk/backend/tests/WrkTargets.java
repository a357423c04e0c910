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

import org.regdesk.server.desk.Actor;
import org.regdesk.server.http.Reply;
import org.regdesk.server.http.Route;
import org.regdesk.server.store.DemoData;
import org.regdesk.server.store.Operator;

/**
 * The server side of {@code ./desk bench-wrk}: a registry (PostgreSQL or H2) with a bare desk route beside the real
 * ones, six signed-in desks whose certificates (PEM, for HAProxy's connections to the node) and tokens it writes out,
 * and one-time codes and SMS-verified-to-be sessions for wrk to spend once each. wrk has no client certificates, so
 * HAProxy carries its requests to the node with the desk's certificate; the bare route takes the same path, so the
 * ratio compares like with like. Arguments: output folder, how many codes (and as many SMS sessions), h2|postgresql.
 * Runs until its standard input closes.
 */
public final class WrkTargets {

    private static final int DESKS = 6;

    private WrkTargets() {
    }

    public static void main(String[] arguments) throws Exception {
        Path out = Files.createDirectories(Path.of(arguments[0]));
        int count = Integer.parseInt(arguments[1]);
        TestDatabase database = "h2".equals(arguments[2]) ? TestDatabase.H2 : TestDatabase.POSTGRESQL;
        try (TestBackend backend = new TestBackend(Files.createTempDirectory("regdesk-wrk"), database)) {
            backend.openApi.off();
            backend.routes().add(() -> List.of(Route.post("/bench/bare", Route.Access.DESK, call -> Reply.ok(Map.of("ok", true)))));
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < DESKS; i++) {
                String desk = TestBackend.DESKS.get(i);
                writePem(backend, desk, out.resolve("desk" + i + ".pem"));
                tokens.add(backend.desk(desk).signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray()).token());
            }
            ConcurrentLinkedQueue<byte[]> codes = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String[]> otps = new ConcurrentLinkedQueue<>();
            RegistryLoadBenchmark.prepare(backend, new Actor("operator1", Operator.Role.OPERATOR, TestBackend.DESKS.get(0)), count,
                    codes, otps);
            // one line per request: desk index, token, path, body (wrk spends each line once)
            List<String> bare = new ArrayList<>();
            List<String> validation = new ArrayList<>();
            List<String> verification = new ArrayList<>();
            int i = 0;
            for (byte[] body : codes) {
                int desk = i++ % DESKS;
                validation.add(desk + "\t" + tokens.get(desk) + "\t/api/v1/desk-sessions\t" + new String(body));
                bare.add(desk + "\t" + tokens.get(desk) + "\t/bench/bare\t{}");
            }
            for (String[] pending : otps) {
                verification.add("0\t" + tokens.get(0) + "\t/api/v1/desk-sessions/" + pending[0] + "/otp/verify\t{\"code\":\""
                        + pending[1] + "\"}");
            }
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
