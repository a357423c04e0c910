package org.regdesk.server.settings.internal;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.regdesk.server.settings.CertificateFiles;
import org.regdesk.server.settings.ConfigurationFile;
import org.regdesk.server.settings.Keystores;
import org.regdesk.server.settings.SecretFiles;
import org.regdesk.server.settings.SettingRefusedException;

/**
 * What a production start would refuse, read from the configuration folder ({@code etc/}) as Felix File Install
 * reads it ({@code ${name}} from system properties). Each bundle still refuses its own missing settings when it
 * starts; this check sees them all at once, before anything runs, and also opens the keystores and tokens with
 * their secrets, so a wrong password is found at the desk of the administrator, not at the first citizen.
 */
public final class ProductionCheck {

    /** One line of the report: the file, the setting, and what is wrong with it or what was found. */
    public record Finding(String file, String setting, String text, boolean refused) {
        @Override
        public String toString() {
            return (refused ? "REFUSED " : "ok      ") + file + "  " + setting + ": " + text;
        }
    }

    private final Path etc;
    private final UnaryOperator<String> variables;
    private final Instant now;
    private final List<Finding> findings = new ArrayList<>();

    private ProductionCheck(Path etc, UnaryOperator<String> variables, Instant now) {
        this.etc = etc;
        this.variables = variables;
        this.now = now;
    }

    /** Checks every setting production needs; {@code variables} answers {@code ${name}} (null = empty). */
    public static List<Finding> run(Path etc, UnaryOperator<String> variables, Instant now) {
        ProductionCheck check = new ProductionCheck(etc, variables, now);
        check.server();
        check.deskRevocations();
        check.sharedKeys();
        check.cardKeys();
        check.eOnayTrust();
        check.portal();
        check.sms();
        check.database();
        check.referenceCa();
        return List.copyOf(check.findings);
    }

    public static boolean refuses(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::refused);
    }

    private void server() {
        ConfigurationFile http = settings("org.regdesk.server.http");
        if ("false".equalsIgnoreCase(http.get("tls.enabled"))) {
            refuse(http, "tls.enabled", "is false; desks and browsers must reach the registry over TLS");
        }
        noPlainSecret(http, "tls.keystore.password");
        String keystore = http.get("tls.keystore.path");
        if (keystore.isEmpty()) {
            refuse(http, "tls.keystore.path", "is empty; production needs a PKCS#12 keystore with the server's CA-issued "
                    + "certificate (no self-signed development certificate is made)");
        } else {
            attempt(http, "tls.keystore.path", () -> {
                char[] password = SecretFiles.read("tls.keystore.password.file", path(http, "tls.keystore.password.file"));
                KeyStore store = Keystores.pkcs12(Path.of(keystore), password);
                X509Certificate certificate = Collections.list(store.aliases()).stream().filter(alias -> isKeyEntry(store, alias))
                        .map(alias -> certificate(store, alias)).filter(Objects::nonNull).findFirst()
                        .orElseThrow(() -> new GeneralSecurityException(keystore + " has no private key with a certificate"));
                return current(certificate, "server certificate");
            });
        }
        String deskCa = http.get("tls.client.ca.path");
        if (deskCa.isEmpty()) {
            refuse(http, "tls.client.ca.path", "is empty; production needs the PEM certificate(s) of the CA that issues desk "
                    + "certificates (no development desk CA is made)");
        } else {
            attempt(http, "tls.client.ca.path", () -> {
                List<X509Certificate> authorities = CertificateFiles.read("tls.client.ca.path", Path.of(deskCa));
                for (X509Certificate authority : authorities) {
                    if (authority.getBasicConstraints() < 0) {
                        throw new GeneralSecurityException(authority.getSubjectX500Principal() + " is not a CA certificate");
                    }
                    current(authority, "desk CA");
                }
                return "desk CA " + names(authorities);
            });
        }
    }

    /** The desk CA's CRL: production refuses a revoked desk only if it has one, signed by the desk CA and current. */
    private void deskRevocations() {
        ConfigurationFile desks = settings("org.regdesk.server.desks");
        String crl = desks.get("crl.path");
        if (crl.isEmpty()) {
            refuse(desks, "crl.path", "is empty; production needs the desk CA's CRL (PEM or DER), so that a revoked desk "
                    + "certificate is refused");
            return;
        }
        attempt(desks, "crl.path", () -> {
            X509CRL list = CertificateFiles.crl(Path.of(crl), CertificateFiles.read("ca.path", Path.of(desks.get("ca.path"))));
            if (list.getNextUpdate() == null || list.getNextUpdate().toInstant().isBefore(now)) {
                throw new GeneralSecurityException(crl + " expired at " + list.getNextUpdate() + "; desks would be refused");
            }
            int revoked = list.getRevokedCertificates() == null ? 0 : list.getRevokedCertificates().size();
            return "desk CA CRL with " + revoked + " revoked, replace before " + list.getNextUpdate().toInstant();
        });
    }

    /** The keys every node must share: the verification-code key and the audit key. */
    private void sharedKeys() {
        ConfigurationFile registry = settings("org.regdesk.server.registry");
        for (String setting : List.of("code.hash.key.file", "audit.key.file")) {
            if (registry.get(setting).isEmpty()) {
                refuse(registry, setting, "is empty; production needs this key (openssl rand -base64 32 into a chmod 600 "
                        + "file), the same on every node");
                continue;
            }
            attempt(registry, setting, () -> {
                SecretFiles.readKey(setting, Path.of(registry.get(setting)), 32);
                return "key in " + registry.get(setting);
            });
        }
    }

    private void cardKeys() {
        ConfigurationFile keys = settings("org.regdesk.server.keys");
        noPlainSecret(keys, "card.master.keystore.password");
        String alias = keys.getOr("card.master.keystore.alias", "regdesk-card-master");
        String library = keys.get("card.master.pkcs11.library");
        if (!library.isEmpty()) {
            attempt(keys, "card.master.pkcs11.library", () -> {
                char[] pin = SecretFiles.read("card.master.pkcs11.pin.file", path(keys, "card.master.pkcs11.pin.file"));
                KeyStore token = Keystores.pkcs11("RegDeskCheckCardKeys", Path.of(library),
                        Integer.parseInt(keys.getOr("card.master.pkcs11.slot.index", "0")), pin);
                Key key = token.getKey(alias, null);
                if (key == null || !"AES".equalsIgnoreCase(key.getAlgorithm())) {
                    throw new GeneralSecurityException("the token has no AES key labelled '" + alias + "'");
                }
                return "card master key '" + alias + "' on the HSM";
            });
            return;
        }
        String keystore = keys.get("card.master.keystore.path");
        if (keystore.isEmpty()) {
            refuse(keys, "card.master.keystore.path", "is empty; production needs the card master key: a PKCS#12 keystore "
                    + "(card.master.keystore.path and .password.file) or an HSM (card.master.pkcs11.library, .slot.index, "
                    + ".pin.file); no random development key is made");
            return;
        }
        attempt(keys, "card.master.keystore.path", () -> {
            char[] password = SecretFiles.read("card.master.keystore.password.file", path(keys, "card.master.keystore.password.file"));
            Key key = Keystores.pkcs12(Path.of(keystore), password).getKey(alias, password);
            if (key == null || !"AES".equalsIgnoreCase(key.getAlgorithm()) || key.getEncoded().length != 16) {
                throw new GeneralSecurityException(keystore + " has no AES-128 key '" + alias + "'");
            }
            return "card master key '" + alias + "' in " + keystore;
        });
    }

    private void eOnayTrust() {
        ConfigurationFile eonay = settings("org.regdesk.server.eonay");
        String anchors = eonay.get("trust.anchors");
        if (anchors.isEmpty()) {
            refuse(eonay, "trust.anchors", "is empty; production needs the qualified CA certificate(s) E-Onay signatures "
                    + "chain to (without them every E-Onay is refused)");
            return;
        }
        attempt(eonay, "trust.anchors", () -> {
            List<X509Certificate> all = new ArrayList<>();
            for (String file : anchors.split(",")) {
                if (!file.isBlank()) {
                    all.addAll(CertificateFiles.read("trust.anchors", Path.of(file.strip())));
                }
            }
            return "E-Onay trusts " + names(all);
        });
    }

    private void portal() {
        ConfigurationFile portal = settings("org.regdesk.server.portal");
        String provider = portal.getOr("identity.provider", "development");
        if (provider.isEmpty() || provider.equals("development")) {
            refuse(portal, "identity.provider", "is '" + provider + "'; the development provider signs citizens in with "
                    + "registry passwords. Name the production provider's regdesk.identity.provider (OpenID Connect), or "
                    + "'none' for a node that serves no portal");
        } else if (provider.equals("none")) {
            ConfigurationFile http = settings("org.regdesk.server.http");
            boolean required = Arrays.stream(http.get("ready.requires").split(",")).map(String::strip).anyMatch("portal"::equals);
            if (required) {
                refuse(portal, "identity.provider", "is 'none' but ready.requires in " + http.file() + " names the portal: "
                        + "this node would never be ready");
            } else {
                accept(portal, "identity.provider", "none: this node serves no citizen portal");
            }
        } else if (provider.equals("oidc")) {
            accept(portal, "identity.provider", "oidc: citizens sign in at an OpenID Connect provider");
            openIdConnect();
        } else {
            accept(portal, "identity.provider", "'" + provider + "' (a bundle must register an IdentityProvider with "
                    + "regdesk.identity.provider=" + provider + ")");
        }
    }

    /** The OpenID Connect client of the portal: an https issuer, a client id, its secret in an owner-only file. */
    private void openIdConnect() {
        ConfigurationFile oidc = settings("org.regdesk.server.portal.oidc");
        String issuer = oidc.get("issuer");
        if (!issuer.startsWith("https://")) {
            refuse(oidc, "issuer", "is '" + issuer + "'; name the provider's https issuer (its /.well-known/openid-configuration is read)");
        } else {
            accept(oidc, "issuer", issuer);
        }
        if (oidc.get("client.id").isEmpty()) {
            refuse(oidc, "client.id", "is empty; the portal's client id at the provider");
        } else {
            accept(oidc, "client.id", oidc.get("client.id"));
        }
        if (oidc.get("client.secret.file").isEmpty()) {
            refuse(oidc, "client.secret.file", "is empty; put the client secret in a chmod 600 file and name it here");
        } else {
            attempt(oidc, "client.secret.file", () -> {
                java.util.Arrays.fill(SecretFiles.read("client.secret.file", Path.of(oidc.get("client.secret.file"))), '\0');
                return "secret in " + oidc.get("client.secret.file");
            });
        }
    }

    private void sms() {
        ConfigurationFile outbox = settings("org.regdesk.server.otp.outbox");
        if ("true".equalsIgnoreCase(outbox.get("show"))) {
            refuse(outbox, "show", "is true; /dev/sms-outbox would show every SMS code to anyone");
        }
        ConfigurationFile gateway = settings("org.regdesk.server.otp.http");
        if (gateway.get("url.template").isEmpty()) {
            refuse(gateway, "url.template", gateway.exists() ? "is empty" : "the file is missing; "
                    + "production needs the SMS provider's gateway, or citizens get no SMS code");
        } else {
            accept(gateway, "url.template", "SMS through " + gateway.get("url.template").replaceAll("\\?.*", "?…"));
        }
    }

    private void database() {
        ConfigurationFile store = settings("org.regdesk.server.store");
        if ("true".equalsIgnoreCase(store.get("demo.data"))) {
            refuse(store, "demo.data", "is true; the demo desks, operators and citizens (with published passwords) would "
                    + "be loaded into an empty database");
        }
        noPlainSecret(store, "database.password");
        String url = store.get("database.url");
        if (url.isEmpty()) {
            accept(store, "database.url", "empty: embedded H2 in the data folder (one node only)");
            return;
        }
        if (!store.get("database.password.file").isEmpty()) {
            attempt(store, "database.password.file", () -> {
                SecretFiles.read("database.password.file", path(store, "database.password.file"));
                return url + " with the password in " + store.get("database.password.file");
            });
        } else {
            accept(store, "database.url", url + " without a password (peer or certificate authentication)");
        }
        String owner = store.get("database.owner.user");
        if (owner.isEmpty() || owner.equals(store.getOr("database.user", "regdesk"))) {
            refuse(store, "database.owner.user", (owner.isEmpty() ? "is empty" : "is the server's own role")
                    + "; migrations run as the schema's owner, so that the server's role may only read and add audit records");
        } else if (!store.get("database.owner.password.file").isEmpty()) {
            attempt(store, "database.owner.password.file", () -> {
                SecretFiles.read("database.owner.password.file", path(store, "database.owner.password.file"));
                return "migrations as " + owner;
            });
        }
    }

    /** The reference CA is optional (a CA's own system replaces it); if configured, its secrets must be private. */
    private void referenceCa() {
        ConfigurationFile ca = settings("org.regdesk.server.ca.reference");
        if (!ca.get("pkcs11.library").isEmpty()) {
            attempt(ca, "pkcs11.pin.file", () -> {
                SecretFiles.read("pkcs11.pin.file", path(ca, "pkcs11.pin.file"));
                return "reference CA key on the HSM " + ca.get("pkcs11.library");
            });
        } else if (!ca.get("keystore").isEmpty()) {
            attempt(ca, "keystore.password.file", () -> {
                SecretFiles.read("keystore.password.file", path(ca, "keystore.password.file"));
                return "reference CA key in " + ca.get("keystore");
            });
        }
    }

    private interface Check {
        String run() throws Exception;
    }

    /** Runs a check that opens files or tokens; its exception becomes the refusal, its answer the "ok" line. */
    private void attempt(ConfigurationFile settings, String setting, Check check) {
        try {
            accept(settings, setting, check.run());
        } catch (SettingRefusedException e) {
            findings.add(new Finding(settings.file(), e.setting(), e.getMessage().substring(e.setting().length() + 2), true));
        } catch (Exception e) {
            refuse(settings, setting, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void noPlainSecret(ConfigurationFile settings, String setting) {
        if (!settings.get(setting).isEmpty()) {
            refuse(settings, setting, "holds a secret in the configuration (or on the command line); put it in a file only "
                    + "the server's user may read (chmod 600) and name that file in " + setting + ".file");
        }
    }

    private void refuse(ConfigurationFile settings, String setting, String text) {
        findings.add(new Finding(settings.file(), setting, text, true));
    }

    private void accept(ConfigurationFile settings, String setting, String text) {
        findings.add(new Finding(settings.file(), setting, text, false));
    }

    private String current(X509Certificate certificate, String what) throws GeneralSecurityException {
        if (certificate.getNotAfter().toInstant().isBefore(now) || certificate.getNotBefore().toInstant().isAfter(now)) {
            throw new GeneralSecurityException(what + " " + certificate.getSubjectX500Principal() + " is not valid now ("
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant() + ")");
        }
        return what + " " + certificate.getSubjectX500Principal() + ", valid until " + certificate.getNotAfter().toInstant();
    }

    private static Path path(ConfigurationFile settings, String setting) {
        String value = settings.get(setting);
        if (value.isEmpty()) {
            throw new SettingRefusedException(setting, "is empty; name the file (chmod 600) that holds the secret");
        }
        return Path.of(value);
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static X509Certificate certificate(KeyStore store, String alias) {
        try {
            return store.getCertificate(alias) instanceof X509Certificate certificate ? certificate : null;
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private static String names(List<X509Certificate> certificates) {
        return certificates.stream().map(c -> c.getSubjectX500Principal().getName()).toList().toString();
    }

    private ConfigurationFile settings(String pid) {
        return ConfigurationFile.read(etc, pid, variables);
    }
}
