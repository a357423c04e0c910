package org.regdesk.server.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Passwords and PINs come from files only their owner may read (0600 or 0400), never from the command line
 * (where {@code ps} shows them) or a configuration file that is usually world-readable.
 */
public final class SecretFiles {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private SecretFiles() {
    }

    /**
     * The secret in {@code file}, without surrounding white space.
     *
     * @param setting the setting that named the file, for the refusal
     * @throws SettingRefusedException when the file is missing, empty, or readable by anyone but its owner
     */
    public static char[] read(String setting, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SettingRefusedException(setting, "the file " + file + " does not exist");
        }
        try {
            Set<PosixFilePermission> open = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            open.retainAll(OTHERS);
            if (!open.isEmpty()) {
                throw new SettingRefusedException(setting, "the file " + file + " may be read by others (" + open
                        + "): chmod 600 " + file);
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: access comes from the folder's ACL, which the installation guide sets.
        } catch (IOException e) {
            throw new SettingRefusedException(setting, "the file " + file + " cannot be read: " + e.getMessage());
        }
        try {
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new SettingRefusedException(setting, "the file " + file + " is empty");
            }
            return secret.toCharArray();
        } catch (IOException e) {
            throw new SettingRefusedException(setting, "the file " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** A key in base64 in an owner-only file, refused when shorter than {@code minimumBytes} (or not base64). */
    public static byte[] readKey(String setting, Path file, int minimumBytes) {
        char[] text = read(setting, file);
        byte[] key;
        try {
            key = java.util.Base64.getDecoder().decode(new String(text));
        } catch (IllegalArgumentException e) {
            throw new SettingRefusedException(setting, "the file " + file + " is not base64 (openssl rand -base64 " + minimumBytes + ")");
        } finally {
            java.util.Arrays.fill(text, '\0');
        }
        if (key.length < minimumBytes) {
            throw new SettingRefusedException(setting, "the key in " + file + " has " + key.length + " bytes, at least "
                    + minimumBytes + " are needed (openssl rand -base64 " + minimumBytes + ")");
        }
        return key;
    }

    /** The secret in the file {@code fileName} names, or none when the setting is empty. */
    public static java.util.Optional<char[]> readIfSet(String setting, String fileName) {
        return fileName == null || fileName.isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(read(setting, Path.of(fileName.strip())));
    }
}
