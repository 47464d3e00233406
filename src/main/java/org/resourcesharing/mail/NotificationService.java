package org.resourcesharing.mail;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * The one way the workflows send email: rendered from templates, the case token in the subject, a
 * Message-ID of ours recorded for replies, an audit record of every attempt. A send that already
 * reached the mail server is not repeated; a mail server that is down fails the send (the engine
 * retries it, then shows an incident) and nothing is dropped.
 */
@Service
public class NotificationService {

    /** Only holds the message while it is built (the sender has its own); made once, as each new one reads the mail providers' files. */
    private static final Session SESSION = Session.getInstance(new Properties());
    /** The file types of attachments, read once: Spring's helper reads them anew for each message it is not given them for. */
    private static final FileTypeMap FILE_TYPES = fileTypes();

    private final JavaMailSender mailSender;
    private final MailTemplates templates;
    private final SentMailStore store;
    private final MailProperties properties;

    NotificationService(JavaMailSender mailSender, MailTemplates templates, SentMailStore store, MailProperties properties) {
        this.mailSender = mailSender;
        this.templates = templates;
        this.store = store;
        this.properties = properties;
    }

    /** Sends the notification unless an earlier attempt with the same send key already did; returns its Message-ID. */
    public String send(Notification notification) {
        var earlier = store.find(notification.sendKey());
        if (earlier.isPresent() && earlier.get().status() == SentMailStore.Status.SENT) {
            return earlier.get().messageId();
        }
        Map<String, Object> model = new HashMap<>(notification.model());
        model.put("caseToken", notification.caseToken());
        MailTemplates.Rendered rendered = templates.render(notification.template(), notification.language(), model);
        String subject = rendered.subject() + " " + CaseToken.format(notification.caseToken());
        String messageId = store.attempt(notification, subject, "<" + UUID.randomUUID() + "@" + properties.messageIdDomain() + ">");
        try {
            mailSender.send(message(notification.recipient(), subject, rendered, messageId));
        } catch (MailException | MessagingException failure) {
            store.failed(notification.sendKey(), failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
            throw new MailNotSentException("Email '" + notification.template() + "' to " + notification.recipient() + " not sent: "
                    + failure.getMessage(), failure);
        }
        store.sent(notification.sendKey());
        return messageId;
    }

    private MimeMessage message(String recipient, String subject, MailTemplates.Rendered rendered, String messageId) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId); // ours, recorded before sending, so replies can be matched
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8") {
            @Override
            protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                return FILE_TYPES;
            }
        };
        helper.setFrom(properties.from());
        helper.setTo(recipient);
        helper.setSubject(subject);
        if (rendered.html() == null) {
            helper.setText(rendered.text());
        } else {
            helper.setText(rendered.text(), rendered.html());
        }
        return message;
    }

    private static FileTypeMap fileTypes() {
        ConfigurableMimeFileTypeMap fileTypes = new ConfigurableMimeFileTypeMap();
        fileTypes.afterPropertiesSet();
        return fileTypes;
    }

    /** The mail server did not take the message: a technical failure the engine retries. */
    public static final class MailNotSentException extends RuntimeException {

        MailNotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
