package org.resourcesharing.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.resourcesharing.testsupport.MailText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Notifications through a real SMTP server, read back over real IMAP (the demo's built-in mail server). */
@ResourceSharingIntegrationTest
class NotificationServiceIntegrationTest {

    @Autowired
    NotificationService notifications;
    @Autowired
    DemoMailServer mailServer;
    @Autowired
    JdbcClient jdbc;
    @Value("${resource-sharing.demo.mail-server.imap-port}")
    int imapPort;

    @Test
    void aNotificationArrivesRenderedWithTheCaseTokenAndOurMessageId() throws Exception {
        String patron = "ada." + UUID.randomUUID().toString().substring(0, 6) + "@student.example.edu";

        String messageId = notifications.send(notification(patron, "fr"));

        Message received = inbox(patron, 1)[0];
        assertThat(received.getSubject()).isEqualTo("Votre question au service du prêt entre bibliothèques [RS-ENQ-42]");
        assertThat(received.getHeader("Message-ID")[0]).isEqualTo(messageId);
        assertThat(MailText.plain(received)).contains("Bonjour Ada Reader", "Il arrive de Queen's aujourd'hui.", "ILL-2026-0142");
        assertThat(jdbc.sql("select status from mail_sent where message_id = ?").param(messageId).query(String.class).single())
                .isEqualTo("SENT");
    }

    @Test
    void aMailServerOutageFailsTheSendAndTheRetrySendsItOnceWhenItIsBack() throws Exception {
        String patron = "ben." + UUID.randomUUID().toString().substring(0, 6) + "@student.example.edu";
        Notification notification = notification(patron, "en");

        mailServer.stop();
        try {
            assertThatThrownBy(() -> notifications.send(notification)).isInstanceOf(NotificationService.MailNotSentException.class);
            assertThat(jdbc.sql("select status from mail_sent where send_key = ?").param(notification.sendKey()).query(String.class).single())
                    .isEqualTo("FAILED");
        } finally {
            mailServer.start();
        }
        String first = notifications.send(notification);
        String retried = notifications.send(notification);

        assertThat(retried).isEqualTo(first);
        Message[] messages = inbox(patron, 1);
        assertThat(messages).hasSize(1);
        assertThat(messages[0].getSubject()).isEqualTo("Your question to Interlibrary Loan [RS-ENQ-42]");
        assertThat(jdbc.sql("select attempts from mail_sent where send_key = ?").param(notification.sendKey()).query(Integer.class).single())
                .isEqualTo(2);
    }

    private static Notification notification(String patron, String language) {
        return new Notification("test:" + UUID.randomUUID(), "enquiry-answer", language, patron, "ENQ-42",
                Map.of("patronName", "Ada Reader", "question", "Où est mon livre ?", "answer", "Il arrive de Queen's aujourd'hui.",
                        "requestReference", "ILL-2026-0142"), null, "ENQ-42");
    }

    /** The recipient's inbox over IMAP, waiting until the expected number of messages has arrived. */
    private Message[] inbox(String address, int expected) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imapPort, address, address);
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            if (messages.length >= expected || System.currentTimeMillis() > deadline) {
                for (Message message : messages) {
                    message.getAllHeaders(); // load before the folder closes
                    MailText.plain(message);
                }
                return messages;
            }
            inbox.close(false);
            Thread.sleep(100);
        }
    }
}
