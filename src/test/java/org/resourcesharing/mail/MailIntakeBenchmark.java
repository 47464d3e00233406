package org.resourcesharing.mail;

import java.io.ByteArrayOutputStream;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a test: prints how many request emails with a one-page PDF attachment the application
 * parses and turns into lending processes per second. Run it with
 * {@code ./mvnw test -Dtest=MailIntakeBenchmark -Dbenchmarks}; {@code ./mvnw verify} leaves it out.
 */
@Tag("benchmark")
@ResourceSharingIntegrationTest
class MailIntakeBenchmark {

    private static final int WARM_UP = 20;
    private static final int MEASURED = 200;

    @Autowired
    MailInbox inbox;
    @Autowired
    MailProperties properties;

    @Test
    void requestEmailsWithAOnePagePdfParsedAndStartedPerSecond() throws Exception {
        byte[] pdf = onePagePdf();
        Mailbox mailbox = properties.mailboxes().get(0);
        for (int i = 0; i < WARM_UP; i++) {
            inbox.receive(mailbox, request(pdf));
        }
        long started = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            inbox.receive(mailbox, request(pdf));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%nMail intake benchmark: %d request emails with a one-page PDF in %.2f s = %.1f messages/s (%.1f ms each)%n%n",
                MEASURED, seconds, MEASURED / seconds, seconds * 1000 / MEASURED);
    }

    private static byte[] request(byte[] pdf) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("fernleihe@univie.example.ac.at"));
        message.setRecipients(Message.RecipientType.TO, "ill@library.example.edu");
        message.setSubject("Fernleihbestellung " + UUID.randomUUID(), "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Sehr geehrte Damen und Herren,\nwir bitten um die Fernleihe des Buches im Anhang.\nMit freundlichen Grüßen", "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent(pdf, "application/pdf");
        attachment.setFileName("bestellung.pdf");
        MimeMultipart body = new MimeMultipart();
        body.addBodyPart(text);
        body.addBodyPart(attachment);
        message.setContent(body);
        message.saveChanges();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return raw.toByteArray();
    }

    private static byte[] onePagePdf() throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText("Fernleihbestellung: Margaret Laurence, The Diviners, Toronto 1974, ISBN 978-0-7710-4761-9");
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
