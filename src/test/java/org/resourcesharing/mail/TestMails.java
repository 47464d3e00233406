package org.resourcesharing.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.resourcesharing.copyright.TestPdfs;

/** Real MIME messages and real PDF, DOCX and ZIP files, built the way mail clients and office software build them. */
final class TestMails {

    static final Session SESSION = Session.getInstance(new Properties());

    private TestMails() {
    }

    /** A message as a mail store hands it over: written out and read back, so it has its raw form and size. */
    static MimeMessage received(MimeMessage message) throws Exception {
        message.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return new MimeMessage(SESSION, new ByteArrayInputStream(bytes.toByteArray()));
    }

    /** A message exactly as written on the wire, for structures no well-behaved client produces. */
    static MimeMessage raw(String rfc822) throws Exception {
        return raw(rfc822.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    static MimeMessage raw(byte[] rfc822) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(rfc822));
    }

    /** A loan request whose multipart body was cut off before its closing boundary. */
    static MimeMessage cutOffMultipart(String messageId) throws Exception {
        return raw("""
                Message-ID: %s
                From: ill@library.example.org
                Subject: Loan request
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="XYZ"

                --XYZ
                Content-Type: text/plain; charset=UTF-8

                Could you lend us Silent Spring by Rachel Carson?
                --XYZ
                Content-Type: application/pdf; name="form.pdf"
                Content-Disposition: attachment; filename="form.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                """.formatted(messageId));
    }

    /** A French loan request in ISO-8859-1 bytes that says it is UTF-8. */
    static MimeMessage latin1DeclaredAsUtf8(String messageId) throws Exception {
        return raw("""
                Message-ID: %s
                From: pret@bu.univ-lyon.example.fr
                Subject: Demande de pret
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 8bit

                Nous souhaiterions emprunter le livre « Les Misérables » de Victor Hugo. Très cordialement.
                """.formatted(messageId).replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A plain-text message with the usual headers. */
    static MimeMessage plain(String from, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(from);
        message.setRecipients(MimeMessage.RecipientType.TO, "ill@library.example.ca");
        message.setSubject(subject, "UTF-8");
        message.setHeader("Date", "Tue, 4 Mar 2025 09:15:00 +0100");
        message.setText(text, "UTF-8");
        return received(message);
    }

    /** A text body with one attached file. */
    static MimeMessage withAttachment(String from, String subject, String text, String fileName, String type, byte[] content)
            throws Exception {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(from);
        message.setRecipients(MimeMessage.RecipientType.TO, "ill@library.example.ca");
        message.setSubject(subject, "UTF-8");
        message.setHeader("Date", "Tue, 4 Mar 2025 09:15:00 +0100");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        MimeMultipart mixed = new MimeMultipart("mixed", body, attachment(fileName, type, content));
        message.setContent(mixed);
        return received(message);
    }

    static MimeBodyPart attachment(String fileName, String type, byte[] content) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(fileName);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    /** A one-page PDF with one line of text per argument. */
    static byte[] pdf(String... lines) {
        return TestPdfs.lines(lines);
    }

    /** A PDF that opens only with a password. */
    static byte[] encryptedPdf(String... lines) throws IOException {
        try (PDDocument document = Loader.loadPDF(TestPdfs.lines(lines))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        document.save(bytes);
        return bytes.toByteArray();
    }

    /** A Word document with one paragraph per argument. */
    static byte[] docx(String... paragraphs) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            for (String paragraph : paragraphs) {
                document.createParagraph().createRun().setText(paragraph);
            }
            document.write(bytes);
            return bytes.toByteArray();
        }
    }

    /**
     * A 42.zip in miniature: a few kilobytes holding archives that hold a gigabyte of zeros each,
     * which produce no text at all for Tika's own guard to notice.
     */
    static byte[] zipBomb() throws IOException {
        byte[] zeros = zip("zeros.bin", new byte[1 << 20], 1024);
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(outer)) {
            zip.setLevel(9);
            for (int i = 0; i < 16; i++) {
                zip.putNextEntry(new ZipEntry("part-" + i + ".zip"));
                zip.write(zeros);
                zip.closeEntry();
            }
        }
        return outer.toByteArray();
    }

    /** A ZIP of one entry: {@code block} written {@code times} times. */
    static byte[] zip(String entry, byte[] block, int times) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry(entry));
            for (int i = 0; i < times; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
