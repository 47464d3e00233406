package org.resourcesharing.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Inflates a ZIP or gzip attachment (DOCX and ODT are ZIPs too) as far as a decompression bomb would
 * go before Tika sees it. Tika's own guard, SecureContentHandler, compares the text produced with the
 * bytes read; it never fires before our character limit stops the parse, and never for an archive of
 * zeros, which produces no text at all but still makes Tika inflate every byte.
 */
final class ArchiveBombCheck {

    /** Deflate reaches about 1000:1 on zeros; documents stay far below 100:1. */
    private static final long MAX_RATIO = 100;
    private static final int MAX_NESTING = 3;
    private static final int BUFFER = 64 * 1024;

    private final long floor;

    /** @param floor archives that inflate to no more than this many bytes are always let through */
    ArchiveBombCheck(long floor) {
        this.floor = floor;
    }

    /** Why the archive looks like a bomb, or null when it does not (or is not an archive at all). */
    String check(byte[] bytes) {
        if (!isZip(bytes) && !isGzip(bytes)) {
            return null;
        }
        long budget = Math.max(floor, MAX_RATIO * bytes.length);
        try {
            long inflated = inflate(bytes, 0, new long[] {budget});
            return inflated < 0 ? "expands to more than " + budget / (1024 * 1024) + " MB from "
                    + Math.max(1, bytes.length / 1024) + " KB (a zip bomb?); not read" : null;
        } catch (NestingException e) {
            return "holds archives nested more than " + MAX_NESTING + " deep (a zip bomb?); not read";
        } catch (IOException e) {
            return null; // broken archives are Tika's to report
        }
    }

    /** Bytes inflated, or -1 once the shared budget is spent. */
    private long inflate(byte[] bytes, int depth, long[] budget) throws IOException {
        if (depth > MAX_NESTING) {
            throw new NestingException();
        }
        if (isGzip(bytes)) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                return drain(in, depth, budget);
            }
        }
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                long inflated = drain(zip, depth, budget);
                if (inflated < 0) {
                    return -1;
                }
                total += inflated;
            }
        }
        return total;
    }

    /**
     * Reads one stream to its end; an archive inside is kept in memory (at most {@code floor} bytes:
     * an attachment cannot legitimately hold more) and inflated in turn.
     */
    private long drain(InputStream in, int depth, long[] budget) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        Boolean nested = null;
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            budget[0] -= n;
            if (budget[0] < 0) {
                return -1;
            }
            if (nested == null || nested) {
                head.write(buffer, 0, n);
                if (head.size() > floor) {
                    return -1;
                }
            }
            if (nested == null && head.size() >= 4) {
                byte[] start = head.toByteArray();
                nested = isZip(start) || isGzip(start);
            }
        }
        if (Boolean.TRUE.equals(nested) && inflate(head.toByteArray(), depth + 1, budget) < 0) {
            return -1;
        }
        return total;
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    private static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B;
    }

    private static final class NestingException extends IOException {
    }
}
