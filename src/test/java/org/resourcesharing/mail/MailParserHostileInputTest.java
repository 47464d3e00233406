package org.resourcesharing.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Broken and hostile mail: nothing is thrown, each problem is named for staff, and whatever is
 * readable (headers, body, other attachments) still comes through.
 */
class MailParserHostileInputTest {

    private static final MailParser PARSER = new MailParser(MailParsingLimits.defaults());

    @AfterAll
    static void close() {
        PARSER.close();
    }

    @Test
    void readsOnlyTheHeadersOfAnOversizeMessage() throws Exception {
        MailParsingLimits limits = new MailParsingLimits(64 * 1024, 32 * 1024, Duration.ofSeconds(20), 200_000);
        MimeMessage message = TestMails.withAttachment("scans@library.example.org", "Scanned volume", "The whole volume is attached.",
                "volume.pdf", "application/pdf", new byte[200 * 1024]);

        try (MailParser parser = new MailParser(limits)) {
            ParsedMail mail = parser.parse(message);

            assertThat(mail.subject()).isEqualTo("Scanned volume");
            assertThat(mail.fromAddress()).isEqualTo("scans@library.example.org");
            assertThat(mail.messageId()).isNotNull();
            assertThat(mail.text()).isEmpty();
            assertThat(mail.attachments()).isEmpty();
            assertThat(mail.digest()).matches("[0-9a-f]{64}");
            assertThat(mail.problems()).singleElement().asString()
                    .startsWith("The message is 0.3 MB, over the 0.1 MB limit; only its headers were read");
        }
    }

    @Test
    void listsAnOversizeAttachmentWithoutReadingIt() throws Exception {
        MailParsingLimits limits = new MailParsingLimits(15L << 20, 100 * 1024, Duration.ofSeconds(20), 200_000);
        MimeMessage message = TestMails.withAttachment("ill@library.example.org", "Request", "Could you lend us the book attached?",
                "form.pdf", "application/pdf", TestMails.pdf("Title: Silent Spring"));
        byte[] big = new byte[300 * 1024];
        MimeMessage withBig = TestMails.withAttachment("ill@library.example.org", "Request", "Could you lend us the book attached?",
                "scan.tiff", "image/tiff", big);

        try (MailParser parser = new MailParser(limits)) {
            ParsedMail small = parser.parse(message);
            ParsedMail mail = parser.parse(withBig);

            assertThat(small.attachments()).singleElement().extracting(Attachment::text).isEqualTo("Title: Silent Spring");
            assertThat(mail.text()).isEqualTo("Could you lend us the book attached?");
            assertThat(mail.attachments()).singleElement().satisfies(attachment -> {
                assertThat(attachment.fileName()).isEqualTo("scan.tiff");
                assertThat(attachment.size()).isEqualTo(big.length);
                assertThat(attachment.text()).isNull();
                assertThat(attachment.problem()).isEqualTo("too large (0.3 MB; the limit is 0.1 MB); not read");
            });
            assertThat(mail.problems()).containsExactly("Attachment \"scan.tiff\": too large (0.3 MB; the limit is 0.1 MB); not read");
        }
    }

    @Test
    void namesCorruptAndEncryptedPdfsAndStillReadsTheRest() throws Exception {
        byte[] good = TestMails.pdf("Title: Silent Spring", "Author: Rachel Carson");
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        MimeMessage message = new MimeMessage(TestMails.SESSION);
        message.setFrom("ill@library.example.org");
        message.setSubject("Three citations");
        MimeBodyPart body = new MimeBodyPart();
        body.setText("Our three citations are attached.", "UTF-8");
        message.setContent(new MimeMultipart("mixed", body,
                TestMails.attachment("broken.pdf", "application/pdf", truncated),
                TestMails.attachment("locked.pdf", "application/pdf", TestMails.encryptedPdf("Title: Walden")),
                TestMails.attachment("good.pdf", "application/pdf", good)));

        ParsedMail mail = PARSER.parse(TestMails.received(message));

        assertThat(mail.text()).isEqualTo("Our three citations are attached.");
        assertThat(mail.attachments()).hasSize(3);
        assertThat(mail.attachments().get(0).text()).isNull();
        assertThat(mail.attachments().get(0).problem()).startsWith("damaged or not what its name says; its text could not be read");
        assertThat(mail.attachments().get(1).text()).isNull();
        assertThat(mail.attachments().get(1).problem()).isEqualTo("encrypted (password-protected); its text could not be read");
        assertThat(mail.attachments().get(2).text()).contains("Title: Silent Spring");
        assertThat(mail.problems()).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).startsWith("Attachment \"broken.pdf\": damaged"))
                .contains("Attachment \"locked.pdf\": encrypted (password-protected); its text could not be read");
    }

    @Test
    void refusesAZipBombBeforeTikaInflatesIt() throws Exception {
        byte[] bomb = TestMails.zipBomb();
        MimeMessage message = TestMails.withAttachment("someone@example.net", "Citations", "All our citations, zipped.",
                "citations.zip", "application/zip", bomb);

        long started = System.nanoTime();
        ParsedMail mail = PARSER.parse(message);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThat(mail.text()).isEqualTo("All our citations, zipped.");
        assertThat(mail.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.mediaType()).isEqualTo("application/zip");
            assertThat(attachment.text()).isNull();
            assertThat(attachment.problem()).contains("(a zip bomb?); not read");
        });
        assertThat(mail.problems()).singleElement().asString().startsWith("Attachment \"citations.zip\": expands to more than");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void abandonsAnAttachmentThatTakesLongerThanTheTimeout() throws Exception {
        MailParsingLimits limits = new MailParsingLimits(15L << 20, 10L << 20, Duration.ofMillis(1), 200_000);
        String[] paragraphs = new String[4000];
        Arrays.fill(paragraphs, "A long paragraph about interlibrary loan in Ontario, repeated to make parsing slow.");
        MimeMessage message = TestMails.withAttachment("ill@library.example.org", "Report", "Our annual report.",
                "report.docx", "application/octet-stream", TestMails.docx(paragraphs));

        try (MailParser parser = new MailParser(limits)) {
            ParsedMail mail = parser.parse(message);

            assertThat(mail.text()).isEqualTo("Our annual report.");
            assertThat(mail.attachments()).singleElement().extracting(Attachment::problem)
                    .isEqualTo("reading its text took longer than 0 s; not read");
            assertThat(mail.problems()).containsExactly("Attachment \"report.docx\": reading its text took longer than 0 s; not read");
        }
    }

    @Test
    void cutsTheTextOfAnAttachmentAtTheCharacterLimit() throws Exception {
        MailParsingLimits limits = new MailParsingLimits(15L << 20, 10L << 20, Duration.ofSeconds(20), 1_000);
        String[] paragraphs = new String[100];
        Arrays.fill(paragraphs, "Citation list entry with enough words to pass the limit quickly.");
        MimeMessage message = TestMails.withAttachment("ill@library.example.org", "Citations", "Citations attached.",
                "citations.docx", "application/octet-stream", TestMails.docx(paragraphs));

        try (MailParser parser = new MailParser(limits)) {
            ParsedMail mail = parser.parse(message);

            Attachment attachment = mail.attachments().get(0);
            assertThat(attachment.text()).startsWith("Citation list entry").hasSizeLessThanOrEqualTo(1_000);
            assertThat(attachment.problem()).isEqualTo("text cut off after 1000 characters");
        }
    }

    @Test
    void namesAnAttachmentOfATypeNothingCanRead() throws Exception {
        MimeMessage message = TestMails.withAttachment("ill@library.example.org", "Data", "Our data file.",
                "records.bin", "application/octet-stream", new byte[] {0x13, 0x37, 0x00, 0x01, (byte) 0xFE, 0x42, 0x00, 0x7F});

        ParsedMail mail = PARSER.parse(message);

        assertThat(mail.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.mediaType()).isEqualTo("application/octet-stream");
            assertThat(attachment.text()).isNull();
            assertThat(attachment.problem()).isEqualTo("its type (application/octet-stream) cannot be read as text");
        });
        assertThat(mail.problems()).containsExactly("Attachment \"records.bin\": its type (application/octet-stream) cannot be read as text");
    }

    @Test
    void readsWhatArrivedOfAMultipartWithoutItsClosingBoundary() throws Exception {
        MimeMessage message = TestMails.cutOffMultipart("<cut-off@example.org>");

        ParsedMail mail = PARSER.parse(message);

        assertThat(mail.text()).isEqualTo("Could you lend us Silent Spring by Rachel Carson?");
        assertThat(mail.problems()).contains("The message's parts end without their closing boundary (cut off?); what arrived was read");
        assertThat(mail.attachments()).singleElement().extracting(Attachment::fileName).isEqualTo("form.pdf");
    }

    @Test
    void showsTheRawTextOfAMultipartWhoseBoundaryIsNeverFound() throws Exception {
        MimeMessage message = TestMails.raw("""
                Message-ID: <bad-boundary@example.org>
                From: ill@library.example.org
                Subject: Loan request
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="DECLARED"

                --ACTUAL
                Content-Type: text/plain; charset=UTF-8

                Could you lend us Silent Spring by Rachel Carson?
                --ACTUAL--
                """);

        ParsedMail mail = PARSER.parse(message);

        assertThat(mail.text()).contains("Could you lend us Silent Spring by Rachel Carson?");
        assertThat(mail.problems()).singleElement().asString()
                .startsWith("The message's parts could not be separated (").endsWith("); its raw text is shown instead");
        assertThat(mail.subject()).isEqualTo("Loan request");
    }

    @Test
    void decodesABrokenBase64BodyAsFarAsItGoes() throws Exception {
        String encoded = Base64.getMimeEncoder().encodeToString(
                "Could you lend us Silent Spring by Rachel Carson?".getBytes(StandardCharsets.UTF_8));
        MimeMessage message = TestMails.raw("""
                Message-ID: <bad-base64@example.org>
                From: ill@library.example.org
                Subject: Loan request
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: base64

                %s*=garbage=
                """.formatted(encoded));

        ParsedMail mail = PARSER.parse(message);

        assertThat(mail.text()).startsWith("Could you lend us Silent Spring by Rachel Carson?");
        assertThat(mail.problems()).anySatisfy(problem ->
                assertThat(problem).startsWith("The body could not be decoded from its transfer encoding base64"));
    }

    @Test
    void readsABodyWithAnUnknownTransferEncodingAsItCame() throws Exception {
        MimeMessage message = TestMails.raw("""
                Message-ID: <bad-cte@example.org>
                From: ill@library.example.org
                Subject: Loan request
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: x-unheard-of

                Could you lend us Silent Spring by Rachel Carson?
                """);

        ParsedMail mail = PARSER.parse(message);

        assertThat(mail.text()).isEqualTo("Could you lend us Silent Spring by Rachel Carson?");
        assertThat(mail.problems()).singleElement().asString()
                .startsWith("The body could not be decoded from its transfer encoding x-unheard-of");
    }

    @Test
    void readsLatin1BytesDeclaredAsUtf8() throws Exception {
        MimeMessage message = TestMails.latin1DeclaredAsUtf8("<latin1@example.fr>");

        ParsedMail mail = PARSER.parse(message);

        assertThat(mail.text()).isEqualTo("Nous souhaiterions emprunter le livre « Les Misérables » de Victor Hugo. Très cordialement.");
        assertThat(mail.problems()).singleElement().asString().startsWith("The body says it is UTF-8 but is not; read as");
        assertThat(mail.language()).isEqualTo("fr");
    }

    @Test
    void readsWindows1252WithoutACharsetAndUtf8DeclaredAsLatin1() throws Exception {
        byte[] undeclared = """
                From: ill@ub.example.de
                Subject: Fernleihe
                Content-Type: text/plain

                Wir möchten das Buch „Die Blechtrommel“ von Günter Grass ausleihen – vielen Dank.
                """.replace("\n", "\r\n").getBytes("windows-1252");
        byte[] mislabelled = """
                From: ill@ub.example.de
                Subject: Fernleihe
                Content-Type: text/plain; charset=ISO-8859-1

                Wir möchten das Buch „Die Blechtrommel“ von Günter Grass ausleihen – vielen Dank.
                """.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);

        ParsedMail first = PARSER.parse(TestMails.raw(undeclared));
        ParsedMail second = PARSER.parse(TestMails.raw(mislabelled));

        String expected = "Wir möchten das Buch „Die Blechtrommel“ von Günter Grass ausleihen – vielen Dank.";
        assertThat(first.text()).isEqualTo(expected);
        assertThat(second.text()).isEqualTo(expected);
        assertThat(second.problems()).contains("The body says it is ISO-8859-1 but is UTF-8; read as UTF-8");
    }

    @Test
    void namesCharactersThatCannotBeDecodedAtAll() throws Exception {
        byte[] rfc822 = "From: a@example.org\r\nSubject: x\r\nContent-Type: text/plain; charset=windows-1252\r\n\r\nCaf\u00e9 \u0081\u008d\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        ParsedMail mail = PARSER.parse(TestMails.raw(rfc822));

        assertThat(mail.text()).isEqualTo("Café \uFFFD\uFFFD");
        assertThat(mail.problems()).containsExactly("The body has characters that could not be decoded (shown as \uFFFD)");
    }

    @Test
    void stopsAtPartsNestedTooDeep() throws Exception {
        StringBuilder rfc822 = new StringBuilder("From: a@example.org\nSubject: Nested\nMIME-Version: 1.0\n");
        for (int level = 0; level < 30; level++) {
            rfc822.append("Content-Type: multipart/mixed; boundary=\"b").append(level).append("\"\n\n--b").append(level).append('\n');
        }
        rfc822.append("Content-Type: text/plain\n\nToo deep to read.\n");
        ParsedMail mail = PARSER.parse(TestMails.raw(rfc822.toString()));

        assertThat(mail.text()).isEmpty();
        assertThat(mail.subject()).isEqualTo("Nested");
        assertThat(mail.problems()).contains("The message nests parts more than 20 deep; the deeper parts were not read");
    }

    @Test
    void identifiesAMessageWithoutMessageIdByItsDigest() throws Exception {
        String rfc822 = """
                From: Biblioteca Central <prestamo@usal.example.es>
                Subject: Solicitud de préstamo
                Date: Tue, 4 Mar 2025 09:15:00 +0100
                Content-Type: text/plain; charset=UTF-8

                Quisiéramos solicitar en préstamo el libro «Cien años de soledad».
                """;

        ParsedMail once = PARSER.parse(TestMails.raw(rfc822));
        ParsedMail again = PARSER.parse(TestMails.raw(rfc822));
        ParsedMail otherBody = PARSER.parse(TestMails.raw(rfc822.replace("soledad", "Soledad")));

        assertThat(once.messageId()).isNull();
        assertThat(once.digest()).matches("[0-9a-f]{64}").isEqualTo(again.digest()).isNotEqualTo(otherBody.digest());
        assertThat(once.text()).isEqualTo("Quisiéramos solicitar en préstamo el libro «Cien años de soledad».");
        assertThat(once.problems()).isEmpty();
    }

    @Test
    void keepsUnreadableHeadersAsWrittenAndSaysSo() throws Exception {
        MimeMessage message = TestMails.raw("""
                From: Library of Somewhere
                To: ill@library.example.ca
                Subject: Loan
                Date: sometime last week
                Content-Type: text/plain; charset=UTF-8

                Could you lend us Silent Spring?
                """);

        ParsedMail mail = PARSER.parse(message);

        assertThat(mail.fromAddress()).isEqualTo("Library of Somewhere");
        assertThat(mail.sentAt()).isNull();
        assertThat(mail.text()).isEqualTo("Could you lend us Silent Spring?");
        assertThat(mail.problems()).containsExactly(
                "The From header \"Library of Somewhere\" is not an e-mail address",
                "The Date header \"sometime last week\" could not be read");
    }
}
