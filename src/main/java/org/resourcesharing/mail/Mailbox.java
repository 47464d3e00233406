package org.resourcesharing.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A mailbox the application reads.
 *
 * @param name         short name, stored with every message read from it (e.g. {@code ill})
 * @param url          e.g. {@code imaps://ill%40library.example.edu:secret@imap.example.edu/INBOX}
 * @param purpose      what new (non-reply) messages in it are: interlibrary loan, copyright, jobs
 * @param agencyId     the own agency whose mail this is (requests by email are lent from it)
 * @param triageGroup  the staff group that triages what cannot be handled automatically
 * @param idle         IMAP IDLE (push) where the server supports it; polling otherwise
 * @param pollInterval how often to poll when not idling; when idling, how often IDLE is renewed (at least 1 s), which is
 *                     the longest a message whose arrival the server did not announce waits
 */
public record Mailbox(String name, String url, Purpose purpose, String agencyId, String triageGroup, @DefaultValue("true") boolean idle,
        @DefaultValue("60s") Duration pollInterval) {

    public enum Purpose {
        ILL, COPYRIGHT, JOBS
    }
}
