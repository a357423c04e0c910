package org.regdesk.backend.tests;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The refusal texts the desk bundles ship ({@code bundles/org.regdesk.ui.*}/OSGI-INF/l10n/refusals*.properties):
 * the API carries codes, so every code the server sends must have words at the desk, in Turkish and English.
 */
final class DeskRefusalTexts {

    static final DeskRefusalTexts TURKISH = load("refusals_tr.properties");
    static final DeskRefusalTexts ENGLISH = load("refusals.properties");

    private final Properties texts;

    private DeskRefusalTexts(Properties texts) {
        this.texts = texts;
    }

    boolean knows(String code) {
        return texts.containsKey(code);
    }

    private static DeskRefusalTexts load(String file) {
        Properties all = new Properties();
        try (DirectoryStream<Path> bundles = Files.newDirectoryStream(Path.of("../../bundles"), "org.regdesk.ui.*")) {
            for (Path bundle : bundles) {
                Path texts = bundle.resolve("OSGI-INF/l10n").resolve(file);
                if (Files.exists(texts)) {
                    try (Reader in = Files.newBufferedReader(texts, StandardCharsets.UTF_8)) {
                        all.load(in);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the desk's refusal texts", e);
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("no " + file + " in any desk bundle");
        }
        return new DeskRefusalTexts(all);
    }
}
