package org.resourcesharing.copyright;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** What stores of uploaded copies (ILL copy deliveries, course copies) do alike with a file, its name and its link. */
public final class StoredFiles {

    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoredFiles() {
    }

    /** A download link's secret: 32 random bytes, URL-safe. */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The uploaded name without any folder (it may come from a Windows path), for the download only; {@code fallback} when none is left. */
    public static String displayName(String fileName, String fallback) {
        String name = fileName == null ? "" : fileName.replaceAll("\\p{Cntrl}", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) {
            return fallback;
        }
        return name.length() > 300 ? name.substring(name.length() - 300) : name;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Removes a file written for a record that was not saved; a failure to do so is added to {@code cause}. */
    public static void deleteQuietly(Path file, Exception cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
