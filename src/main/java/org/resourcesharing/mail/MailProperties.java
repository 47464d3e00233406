package org.resourcesharing.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from            the sender of every notification, e.g. {@code Interlibrary Loan <ill@library.example.edu>}
 * @param messageIdDomain the right-hand side of the Message-IDs we give our mail
 */
@ConfigurationProperties("resource-sharing.mail")
record MailProperties(
        @DefaultValue("Interlibrary Loan <ill@library.example.edu>") String from,
        @DefaultValue("resource-sharing.library.example.edu") String messageIdDomain) {
}
