package org.resourcesharing.mail;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from            the sender of every notification, e.g. {@code Interlibrary Loan <ill@library.example.edu>}
 * @param messageIdDomain the right-hand side of the Message-IDs we give our mail
 * @param mailboxes       the mailboxes read for incoming mail
 * @param maxMessageBytes a larger message is kept but not parsed: it goes to triage
 * @param tikaTimeout     how long text extraction from one attachment may take
 */
@ConfigurationProperties("resource-sharing.mail")
record MailProperties(
        @DefaultValue("Interlibrary Loan <ill@library.example.edu>") String from,
        @DefaultValue("resource-sharing.library.example.edu") String messageIdDomain,
        @DefaultValue List<Mailbox> mailboxes,
        @DefaultValue("15728640") long maxMessageBytes,
        @DefaultValue("10485760") long maxAttachmentBytes,
        @DefaultValue("20s") Duration tikaTimeout) {
}
