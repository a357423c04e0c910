package org.regdesk.ui.workstation.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.publisher.IPublisherAction;
import org.eclipse.equinox.p2.publisher.IPublisherInfo;
import org.eclipse.equinox.p2.publisher.Publisher;
import org.eclipse.equinox.p2.publisher.PublisherInfo;
import org.eclipse.equinox.p2.publisher.eclipse.BundlesAction;
import org.eclipse.equinox.p2.publisher.eclipse.FeaturesAction;
import org.eclipse.equinox.p2.repository.IRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.framework.BundleContext;

/**
 * Builds "version 2" of the PC/SC driver as the CA's release build would: the installed version 1
 * bundle and feature with a new version, signed (or not, or by a stranger's key, or changed after
 * signing), published into a p2 repository with p2's own publisher in an agent of its own.
 */
final class DriverReleases {

    enum Signing {
        /** Signed with the test key the desk trusts (signing/test-driver-signing.p12). */
        TRUSTED,
        UNSIGNED,
        /** Signed with a fresh key nobody configured. */
        UNTRUSTED,
        /** Signed with the trusted key, then a class inside the bundle changed. */
        TAMPERED
    }

    static final String BUNDLE = "org.regdesk.card.pcsc";
    static final String FEATURE = "org.regdesk.card.pcsc.feature";

    private final BundleContext context;
    private final Path install;
    private final Path work;
    private final Path repositoryRoot;

    /** @param repositoryRoot the RegDesk checkout (for the test signing key) */
    DriverReleases(BundleContext context, Path install, Path work, Path repositoryRoot) {
        this.context = context;
        this.install = install;
        this.work = work;
        this.repositoryRoot = repositoryRoot;
    }

    Path trustedCertificate() {
        return repositoryRoot.resolve("signing/test-driver-signing.crt");
    }

    /** Publishes the driver installed as {@code installed} again as {@code version}; returns the repository. */
    URI publish(String installed, String version, Signing signing) throws Exception {
        Path release = work.resolve(version + "-" + signing.name().toLowerCase(java.util.Locale.ROOT));
        Path plugins = Files.createDirectories(release.resolve("staging/plugins"));
        Path features = Files.createDirectories(release.resolve("staging/features"));
        Path bundleJar = plugins.resolve(BUNDLE + "_" + version + ".jar");
        Path featureJar = features.resolve(FEATURE + "_" + version + ".jar");
        rewriteBundle(install.resolve("plugins/" + BUNDLE + "_" + installed + ".jar"), bundleJar, version);
        writeFeature(install.resolve("features/" + FEATURE + "_" + installed), featureJar, installed, version);
        switch (signing) {
        case TRUSTED -> sign(bundleJar, featureJar, repositoryRoot.resolve("signing/test-driver-signing.p12"),
                "regdesk-test-driver", "regdesk-test");
        case UNTRUSTED -> sign(bundleJar, featureJar, strangerKey(release), "stranger", "stranger");
        case TAMPERED -> {
            sign(bundleJar, featureJar, repositoryRoot.resolve("signing/test-driver-signing.p12"),
                    "regdesk-test-driver", "regdesk-test");
            changeOneClass(bundleJar);
        }
        case UNSIGNED -> {
        }
        }
        return publishRepository(release.resolve("staging"), release.resolve("repository"));
    }

    private static void rewriteBundle(Path from, Path to, String version) throws IOException {
        try (JarFile in = new JarFile(from.toFile(), false); OutputStream file = Files.newOutputStream(to)) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getEntries().clear(); // the old signature's per-entry digests
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry : java.util.Collections.list(in.entries())) {
                    String name = entry.getName();
                    if (name.equals(JarFile.MANIFEST_NAME) || isSignatureFile(name)) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(name));
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    private static void writeFeature(Path installedFeature, Path to, String installed, String version) throws IOException {
        String xml = Files.readString(installedFeature.resolve("feature.xml"), StandardCharsets.UTF_8);
        String rewritten = xml.replace("version=\"" + installed + "\"", "version=\"" + version + "\"");
        assertTrue(!rewritten.equals(xml), "the installed feature.xml names version " + installed);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(to), manifest)) {
            out.putNextEntry(new JarEntry("feature.xml"));
            out.write(rewritten.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new JarEntry("p2.inf")); // marks the feature as a card driver
            out.write(Files.readAllBytes(installedFeature.resolve("p2.inf")));
            out.closeEntry();
        }
    }

    private static void sign(Path bundleJar, Path featureJar, Path keystore, String alias, String password) throws Exception {
        for (Path jar : new Path[] { bundleJar, featureJar }) {
            JdkTools.run("jarsigner", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password,
                    jar.toString(), alias);
        }
    }

    private static Path strangerKey(Path release) throws Exception {
        Path keystore = release.resolve("stranger.p12");
        JdkTools.run("keytool", "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass",
                "stranger", "-alias", "stranger", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30", "-dname",
                "CN=Someone Else's Driver Signing,O=Not RegDesk");
        return keystore;
    }

    /** Changes one byte of one class: the jar keeps its signature files, which no longer match. */
    private static void changeOneClass(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (JarFile in = new JarFile(jar.toFile(), false)) {
            for (JarEntry entry : java.util.Collections.list(in.entries())) {
                try (InputStream content = in.getInputStream(entry)) {
                    entries.put(entry.getName(), content.readAllBytes());
                }
            }
        }
        String victim = entries.keySet().stream().filter(name -> name.endsWith("StatusWords.class")).findFirst().orElseThrow();
        byte[] changed = entries.get(victim).clone();
        changed[changed.length - 1] ^= 0x01;
        entries.put(victim, changed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        Files.write(jar, bytes.toByteArray());
    }

    private URI publishRepository(Path staging, Path repository) throws Exception {
        URI location = repository.toUri();
        IProvisioningAgentProvider provider = context.getService(context.getServiceReference(IProvisioningAgentProvider.class));
        IProvisioningAgent agent = provider.createAgent(work.resolve("publisher-agent").toUri());
        try {
            PublisherInfo info = new PublisherInfo();
            Map<String, String> uncompressed = Map.of(IRepository.PROP_COMPRESSED, "false");
            info.setMetadataRepository(agent.getService(IMetadataRepositoryManager.class).createRepository(location,
                    "RegDesk drivers (test release)", IMetadataRepositoryManager.TYPE_SIMPLE_REPOSITORY, uncompressed));
            info.setArtifactRepository(agent.getService(IArtifactRepositoryManager.class).createRepository(location,
                    "RegDesk drivers (test release)", IArtifactRepositoryManager.TYPE_SIMPLE_REPOSITORY, uncompressed));
            info.setArtifactOptions(IPublisherInfo.A_INDEX | IPublisherInfo.A_PUBLISH);
            IPublisherAction[] actions = { new BundlesAction(new File[] { staging.resolve("plugins").toFile() }),
                    new FeaturesAction(new File[] { staging.resolve("features").toFile() }) };
            IStatus status = new Publisher(info).publish(actions, new NullProgressMonitor());
            assertTrue(status.isOK(), () -> "publishing " + staging + ": " + status);
        } finally {
            agent.stop();
        }
        return location;
    }

    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("META-INF/") && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA")
                || upper.endsWith(".EC"));
    }

}
