package org.regdesk.server.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bundle's configuration file ({@code etc/<pid>.cfg}) read as Felix File Install reads it, {@code ${name}}
 * replaced by {@code variables} (system properties in the launcher's tools), for the tools that run before or
 * beside the framework: {@code check-config} and {@code desk}. A missing file has no settings.
 */
public final class ConfigurationFile {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final Path path;
    private final Properties values;
    private final boolean exists;

    private ConfigurationFile(Path path, Properties values, boolean exists) {
        this.path = path;
        this.values = values;
        this.exists = exists;
    }

    public static ConfigurationFile read(Path etc, String pid, UnaryOperator<String> variables) {
        Path path = etc.resolve(pid + ".cfg");
        Properties properties = new Properties();
        boolean exists = Files.isRegularFile(path);
        if (exists) {
            try (Reader in = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
                properties.load(in);
            } catch (IOException e) {
                throw new SettingRefusedException(path.getFileName().toString(), "cannot be read: " + e.getMessage());
            }
        }
        Properties resolved = new Properties();
        properties.stringPropertyNames().forEach(name -> resolved.setProperty(name, substitute(properties.getProperty(name),
                variables)));
        return new ConfigurationFile(path, resolved, exists);
    }

    private static String substitute(String value, UnaryOperator<String> variables) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = variables.apply(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? "" : replacement));
        }
        matcher.appendTail(out);
        return out.toString().strip();
    }

    /** The file's name, e.g. {@code org.regdesk.server.http.cfg}. */
    public String file() {
        return path.getFileName().toString();
    }

    public boolean exists() {
        return exists;
    }

    /** The setting's value, empty when unset. */
    public String get(String name) {
        return values.getProperty(name, "").strip();
    }

    /** The setting's value, or {@code fallback} when the file does not mention it. */
    public String getOr(String name, String fallback) {
        return values.containsKey(name) ? get(name) : fallback;
    }
}
