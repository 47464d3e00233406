package org.resourcesharing.hiring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;

import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.resourcesharing.platform.TikaParsers;
import org.springframework.stereotype.Component;

/** Tika reads an uploaded résumé: its real type from its content (PDF or Word only) and its text for the screening view. */
@Component
class ResumeReader {

    static final Set<String> ACCEPTED = Set.of("application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final int MAX_TEXT = 20_000;

    /** @param mediaType what the file is; @param text what could be read of it (cut at 20,000 characters) */
    record Resume(String mediaType, String text) {
    }

    /** Thrown for a file that is not a PDF or DOCX, or cannot be read (damaged, encrypted). */
    static final class UnreadableResumeException extends Exception {

        UnreadableResumeException(String message) {
            super(message);
        }
    }

    Resume read(String fileName, byte[] content) throws UnreadableResumeException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        String mediaType;
        try {
            mediaType = TikaParsers.tika().detect(new ByteArrayInputStream(content), metadata);
        } catch (IOException unreadable) {
            throw new UnreadableResumeException("could not be read");
        }
        if (!ACCEPTED.contains(mediaType)) {
            throw new UnreadableResumeException("must be a PDF or a Word (.docx) file, not " + mediaType);
        }
        try {
            return new Resume(mediaType, TikaParsers.tika().parseToString(new ByteArrayInputStream(content), metadata, MAX_TEXT).strip());
        } catch (IOException | TikaException damaged) {
            throw new UnreadableResumeException("could not be read: the file is damaged or protected by a password");
        }
    }
}
