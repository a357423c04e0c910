package org.regdesk.ui.workstation.tests;

import java.net.URI;
import java.nio.file.Path;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A p2 repository folder served over HTTPS by Jetty, as a CA's update server would, with a fresh
 * certificate that this JVM's default trust store (the one p2's transport uses) is made to trust.
 * Call {@link #trustInThisJvm} before anything in the JVM opens its first TLS connection.
 */
final class HttpsRepository implements AutoCloseable {

    private static final String PASSWORD = "repository";
    private final Server server;
    private final URI location;

    private HttpsRepository(Server server, URI location) {
        this.server = server;
        this.location = location;
    }

    /** Makes a server key and sets it as the JVM's trust store; returns the key store. */
    static Path trustInThisJvm(Path directory) throws Exception {
        Path keystore = directory.resolve("update-server.p12");
        Path certificate = directory.resolve("update-server.crt");
        Path truststore = directory.resolve("trust.p12");
        keytool("-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-alias",
                "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext",
                "san=ip:127.0.0.1");
        keytool("-exportcert", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-alias", "server", "-rfc", "-file",
                certificate.toString());
        keytool("-importcert", "-noprompt", "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                "-alias", "server", "-file", certificate.toString());
        System.setProperty("javax.net.ssl.trustStore", truststore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        return keystore;
    }

    static HttpsRepository serve(Path folder, Path keystore) throws Exception {
        Server server = new Server();
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keystore.toString());
        tls.setKeyStorePassword(PASSWORD);
        tls.setKeyStoreType("PKCS12");
        ServerConnector connector = new ServerConnector(server, tls);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(server).newResource(folder));
        files.setDirAllowed(false);
        server.setHandler(files);
        server.start();
        return new HttpsRepository(server, URI.create("https://127.0.0.1:" + connector.getLocalPort() + "/"));
    }

    URI location() {
        return location;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static void keytool(String... arguments) throws Exception {
        JdkTools.run("keytool", arguments);
    }
}
