package org.resourcesharing.mail;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.EmptyParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.resourcesharing.platform.TikaParsers;

/**
 * Reads the text of attachments with Tika, on a few threads of its own so that a document that
 * makes a parser hang costs one thread and {@link MailParsingLimits#tikaTimeout()}, never the caller.
 * Every failure becomes a reason staff can read; nothing is thrown. Besides the timeout, the text
 * kept is capped by a {@link WriteOutContentHandler}, Tika's AutoDetectParser wraps each parse in
 * its SecureContentHandler (compression ratio and nesting limits), and archives are checked by
 * {@link ArchiveBombCheck} first.
 */
final class AttachmentReader implements AutoCloseable {

    private static final int QUEUE = 100;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final MailParsingLimits limits;
    private final ArchiveBombCheck bombCheck;
    private final ThreadPoolExecutor executor;

    AttachmentReader(MailParsingLimits limits) {
        this.limits = limits;
        this.bombCheck = new ArchiveBombCheck(limits.maxAttachmentBytes());
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), task -> {
            Thread thread = new Thread(task, "mail-attachment-reader-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param bytes the decoded content, or null when it was larger than
     *     {@link MailParsingLimits#maxAttachmentBytes()} and so not kept
     */
    Attachment read(String fileName, String declaredType, byte[] bytes, long size) {
        if (bytes == null) {
            return new Attachment(fileName, declaredType, size, null, "too large (" + megabytes(size) + "; the limit is "
                    + megabytes(limits.maxAttachmentBytes()) + "); not read");
        }
        String mediaType = detect(fileName, declaredType, bytes);
        String bomb = bombCheck.check(bytes);
        if (bomb != null) {
            return new Attachment(fileName, mediaType, size, null, bomb);
        }
        Future<Extraction> future;
        try {
            future = executor.submit(() -> extract(fileName, bytes));
        } catch (RejectedExecutionException e) {
            return new Attachment(fileName, mediaType, size, null, "not read: too many attachments waiting to be read");
        }
        try {
            Extraction extraction = future.get(limits.tikaTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Attachment(fileName, mediaType, size, extraction.unsupported() ? null : extraction.text(),
                    extraction.problem(mediaType, limits.maxExtractedChars()));
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Attachment(fileName, mediaType, size, null,
                    "reading its text took longer than " + limits.tikaTimeout().toSeconds() + " s; not read");
        } catch (ExecutionException e) {
            return new Attachment(fileName, mediaType, size, null, reason(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new Attachment(fileName, mediaType, size, null, "not read: interrupted");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private String detect(String fileName, String declaredType, byte[] bytes) {
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            return TikaParsers.parser().getDetector().detect(in, metadata(fileName)).getBaseType().toString();
        } catch (IOException e) {
            return declaredType;
        }
    }

    private Extraction extract(String fileName, byte[] bytes) throws Exception {
        WriteOutContentHandler text = new WriteOutContentHandler(limits.maxExtractedChars());
        Metadata metadata = metadata(fileName);
        boolean cut = false;
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            TikaParsers.parser().parse(in, new BodyContentHandler(text), metadata, new ParseContext());
        } catch (Exception e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw e;
            }
            cut = true;
        }
        boolean unsupported = Arrays.asList(metadata.getValues(TikaCoreProperties.TIKA_PARSED_BY)).contains(EmptyParser.class.getName());
        return new Extraction(text.toString().strip(), cut, unsupported);
    }

    private static Metadata metadata(String fileName) {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        return metadata;
    }

    private static String reason(Throwable failure) {
        if (failure instanceof EncryptedDocumentException) {
            return "encrypted (password-protected); its text could not be read";
        }
        if (failure instanceof ZeroByteFileException) {
            return "empty file";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "damaged or not what its name says; its text could not be read (" + detail + ")";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** What Tika read: text up to the limit, whether it was cut there, whether any parser knew the type. */
    private record Extraction(String text, boolean cut, boolean unsupported) {

        String problem(String mediaType, int limit) {
            if (unsupported) {
                return "its type (" + mediaType + ") cannot be read as text";
            }
            if (cut) {
                return "text cut off after " + limit + " characters";
            }
            boolean textExpected = mediaType == null || !(mediaType.startsWith("image/")
                    || mediaType.startsWith("audio/") || mediaType.startsWith("video/"));
            if (text.isEmpty() && textExpected) {
                return "no text found (a scanned image?)";
            }
            return null;
        }
    }
}
