package org.resourcesharing.testsupport;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The text of mail our notification service sent, as a mail client shows it. */
public final class MailText {

    private MailText() {
    }

    /** The first text/plain part, decoded; null when there is none. */
    public static String plain(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plain(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
