package org.resourcesharing.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Headers, bodies in their usual shapes, quoted replies and attachments of well-formed mail. */
class MailParserTest {

    private static final MailParser PARSER = new MailParser(MailParsingLimits.defaults());

    @AfterAll
    static void close() {
        PARSER.close();
    }

    @Test
    void readsTheHeadersThatIdentifyAndThreadAMessage() throws Exception {
        MimeMessage message = TestMails.raw("""
                Message-ID: <reply-2@biblio.univ-lyon.example.fr>
                In-Reply-To: <case-ILL-2025-0042@library.example.ca>
                References: <case-ILL-2025-0042@library.example.ca>
                 <reply-1@biblio.univ-lyon.example.fr>
                From: =?UTF-8?Q?Am=C3=A9lie_Dupr=C3=A9?= <amelie.dupre@univ-lyon.example.fr>
                To: ILL Office <ill@library.example.ca>, lending@library.example.ca
                Subject: =?UTF-8?Q?Re:_Pr=C3=AAt_entre_biblioth=C3=A8ques?=
                Date: Tue, 4 Mar 2025 09:15:00 +0100 (CET)
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Merci, nous avons bien reçu le colis.
                """);

        ParsedMail mail = PARSER.parse(message);

        assertThat(mail.messageId()).isEqualTo("<reply-2@biblio.univ-lyon.example.fr>");
        assertThat(mail.inReplyTo()).isEqualTo("<case-ILL-2025-0042@library.example.ca>");
        assertThat(mail.references()).containsExactly(
                "<case-ILL-2025-0042@library.example.ca>", "<reply-1@biblio.univ-lyon.example.fr>");
        assertThat(mail.fromAddress()).isEqualTo("amelie.dupre@univ-lyon.example.fr");
        assertThat(mail.fromName()).isEqualTo("Amélie Dupré");
        assertThat(mail.to()).containsExactly("ill@library.example.ca", "lending@library.example.ca");
        assertThat(mail.subject()).isEqualTo("Re: Prêt entre bibliothèques");
        assertThat(mail.sentAt()).isEqualTo(OffsetDateTime.parse("2025-03-04T09:15:00+01:00"));
        assertThat(mail.text()).isEqualTo("Merci, nous avons bien reçu le colis.");
        assertThat(mail.problems()).isEmpty();
        assertThat(mail.automated()).isNull();
        assertThat(mail.digest()).matches("[0-9a-f]{64}");
    }

    @Test
    void readsAnHtmlOnlyBodyAsTextWithItsLines() throws Exception {
        MimeMessage message = new MimeMessage(TestMails.SESSION);
        message.setFrom("prestamo@usal.example.es");
        message.setSubject("Solicitud de préstamo", "UTF-8");
        message.setContent("""
                <html><head><style>p { color: red }</style><script>alert('x')</script></head><body>
                <p>Estimados colegas:</p>
                <p>Quisiéramos solicitar en pr&eacute;stamo el libro <b>«Cien años de soledad»</b> de Gabriel García Márquez.<br>
                ISBN: 978-84-376-0494-7</p>
                <div>Atentamente,<br>María López</div>
                </body></html>""", "text/html; charset=UTF-8");

        ParsedMail mail = PARSER.parse(TestMails.received(message));

        assertThat(mail.text()).isEqualTo("""
                Estimados colegas:

                Quisiéramos solicitar en préstamo el libro «Cien años de soledad» de Gabriel García Márquez.
                ISBN: 978-84-376-0494-7

                Atentamente,
                María López""");
        assertThat(mail.language()).isEqualTo("es");
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void prefersThePlainTextOfMultipartAlternative() throws Exception {
        MimeMessage message = new MimeMessage(TestMails.SESSION);
        message.setFrom("ill@ub.uni-heidelberg.example.de");
        message.setSubject("Fernleihbestellung", "UTF-8");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("Wir möchten das Buch „Die Blechtrommel“ von Günter Grass ausleihen.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>HTML VERSION: Wir möchten das Buch <i>Die Blechtrommel</i> ausleihen.</p>", "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", plain, html));

        ParsedMail mail = PARSER.parse(TestMails.received(message));

        assertThat(mail.text()).isEqualTo("Wir möchten das Buch „Die Blechtrommel“ von Günter Grass ausleihen.");
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void fallsBackToTheHtmlAlternativeWhenThePlainTextIsEmpty() throws Exception {
        MimeMessage message = new MimeMessage(TestMails.SESSION);
        message.setFrom("ill@library.example.org");
        message.setSubject("Loan request");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(" \n", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<div>Could you lend us <em>The Structure of Scientific Revolutions</em>?</div>", "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", plain, html));

        ParsedMail mail = PARSER.parse(TestMails.received(message));

        assertThat(mail.text()).isEqualTo("Could you lend us The Structure of Scientific Revolutions?");
    }

    @Test
    void stripsQuotedRepliesInEnglishFrenchGermanAndSpanish() throws Exception {
        String english = """
                Yes, please send it by courier.

                On Mon, 3 Mar 2025 at 16:02, ILL Office <ill@library.example.ca> wrote:
                > Can we send the book by courier?
                > Regards""";
        String french = """
                Oui, merci beaucoup.

                Le lun. 3 mars 2025 à 16:02, Service PEB <ill@library.example.ca> a écrit :
                > Pouvons-nous envoyer le livre par coursier ?""";
        String german = """
                Ja, gerne per Kurier.

                Am Mo., 3. März 2025 um 16:02 Uhr schrieb ILL Office <ill@library.example.ca>:
                > Können wir das Buch per Kurier schicken?""";
        String spanish = """
                Sí, por mensajería, gracias.

                El lun, 3 mar 2025 a las 16:02, ILL Office (<ill@library.example.ca>) escribió:
                > ¿Podemos enviar el libro por mensajería?""";

        assertThat(PARSER.parse(TestMails.plain("a@example.org", "Re: Courier", english)).text())
                .isEqualTo("Yes, please send it by courier.");
        assertThat(PARSER.parse(TestMails.plain("a@example.org", "RE: Coursier", french)).text()).isEqualTo("Oui, merci beaucoup.");
        assertThat(PARSER.parse(TestMails.plain("a@example.org", "AW: Kurier", german)).text()).isEqualTo("Ja, gerne per Kurier.");
        assertThat(PARSER.parse(TestMails.plain("a@example.org", "RE: Mensajería", spanish)).text())
                .isEqualTo("Sí, por mensajería, gracias.");
    }

    @Test
    void stripsTheQuotedMessageOfAnHtmlReply() throws Exception {
        MimeMessage message = new MimeMessage(TestMails.SESSION);
        message.setFrom("ill@ub.example.de");
        message.setSubject("AW: Fernleihe", "UTF-8");
        message.setContent("""
                <div dir="ltr">Das Buch ist heute angekommen, vielen Dank!</div><br>
                <div class="gmail_quote"><div class="gmail_attr">Am Mo., 3. März 2025 um 16:02 Uhr schrieb ILL Office                 &lt;ill@library.example.ca&gt;:<br></div>
                <blockquote class="gmail_quote">Das Buch wurde heute verschickt.</blockquote></div>""",
                "text/html; charset=UTF-8");

        ParsedMail mail = PARSER.parse(TestMails.received(message));

        assertThat(mail.text()).isEqualTo("Das Buch ist heute angekommen, vielen Dank!");
    }

    @Test
    void stripsOutlookReplyBlocksAndOriginalMessageMarkersButKeepsForwards() throws Exception {
        String outlook = """
                Thank you, the book arrived today.

                ________________________________
                From: ILL Office <ill@library.example.ca>
                Sent: Monday, March 3, 2025 4:02 PM
                To: Jane Roe <jroe@example.org>
                Subject: Loan ILL-2025-0042
                The book was shipped today.""";
        String original = """
                Vielen Dank!

                -----Ursprüngliche Nachricht-----
                Von: ILL Office
                Gesendet: Montag, 3. März 2025 16:02""";
        String forward = """
                Could you handle this request from our partner?

                ---------- Forwarded message ---------
                From: Biblioteca Central <prestamo@usal.example.es>
                Date: Mon, 3 Mar 2025 at 16:02
                Subject: Solicitud de préstamo
                Necesitamos el libro «Cien años de soledad».""";

        assertThat(PARSER.parse(TestMails.plain("a@example.org", "RE: Loan", outlook)).text())
                .isEqualTo("Thank you, the book arrived today.");
        assertThat(PARSER.parse(TestMails.plain("a@example.org", "AW: Fernleihe", original)).text()).isEqualTo("Vielen Dank!");
        assertThat(PARSER.parse(TestMails.plain("a@example.org", "Fwd: Solicitud de préstamo", forward)).text())
                .contains("Could you handle this request", "From: Biblioteca Central", "Necesitamos el libro «Cien años de soledad».");
    }

    @Test
    void readsAForwardedMessageAttachedWhole() throws Exception {
        MimeMessage original = TestMails.plain("prestamo@usal.example.es", "Solicitud de préstamo",
                "Quisiéramos solicitar en préstamo el libro «Cien años de soledad» de Gabriel García Márquez.");
        MimeMessage message = new MimeMessage(TestMails.SESSION);
        message.setFrom("colleague@library.example.ca");
        message.setSubject("Fwd: Solicitud de préstamo");
        MimeBodyPart note = new MimeBodyPart();
        note.setText("Forwarding this one to the lending team.", "UTF-8");
        MimeBodyPart attached = new MimeBodyPart();
        attached.setContent(original, "message/rfc822");
        message.setContent(new MimeMultipart("mixed", note, attached));

        ParsedMail mail = PARSER.parse(TestMails.received(message));

        assertThat(mail.text())
                .startsWith("Forwarding this one to the lending team.")
                .contains("From: prestamo@usal.example.es", "Subject: Solicitud de préstamo",
                        "Quisiéramos solicitar en préstamo el libro «Cien años de soledad» de Gabriel García Márquez.");
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void takesTheLanguageFromTheAttachmentsWhenTheBodyIsTooShort() throws Exception {
        ParsedMail mail = PARSER.parse(TestMails.withAttachment("peb@bu.example.fr", "PEB", "Ci-joint.", "demande.docx",
                "application/octet-stream", TestMails.docx("Nous souhaiterions emprunter le livre suivant pour une de nos lectrices,"
                        + " qui en a besoin pour sa thèse de doctorat en histoire contemporaine.")));

        assertThat(mail.text()).isEqualTo("Ci-joint.");
        assertThat(mail.language()).isEqualTo("fr");
        assertThat(PARSER.parse(TestMails.plain("a@example.org", "Hi", "Thanks!")).language()).isNull();
    }

    @Test
    void readsAMessageBuiltInMemoryThatHasNoReceivedForm() throws Exception {
        MimeMessage message = new MimeMessage(TestMails.SESSION);
        message.setFrom("ill@library.example.org");
        message.setSubject("Loan request");
        message.setText("Could you lend us Silent Spring by Rachel Carson?", "UTF-8");

        ParsedMail mail = PARSER.parse(message);
        ParsedMail again = PARSER.parse(message);

        assertThat(mail.messageId()).isNull();
        assertThat(mail.text()).isEqualTo("Could you lend us Silent Spring by Rachel Carson?");
        assertThat(mail.digest()).matches("[0-9a-f]{64}").isEqualTo(again.digest());
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void readsTheTextOfPdfAndDocxAttachments() throws Exception {
        MimeMessage message = new MimeMessage(TestMails.SESSION);
        message.setFrom("ill@library.example.org");
        message.setSubject("Two requests");
        MimeBodyPart body = new MimeBodyPart();
        body.setText("Please find our two request forms attached.", "UTF-8");
        message.setContent(new MimeMultipart("mixed", body,
                TestMails.attachment("request-1.pdf", "application/pdf", TestMails.pdf("Title: Silent Spring", "Author: Rachel Carson")),
                TestMails.attachment("request-2.docx", "application/octet-stream", TestMails.docx("Title: Walden", "Author: Henry David Thoreau"))));

        ParsedMail mail = PARSER.parse(TestMails.received(message));

        assertThat(mail.attachments()).extracting(Attachment::fileName, Attachment::mediaType, Attachment::problem).containsExactly(
                tuple("request-1.pdf", "application/pdf", null),
                tuple("request-2.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", null));
        assertThat(mail.attachments().get(0).text()).contains("Title: Silent Spring", "Author: Rachel Carson");
        assertThat(mail.attachments().get(1).text()).contains("Title: Walden", "Author: Henry David Thoreau");
        assertThat(mail.attachments()).allSatisfy(attachment -> assertThat(attachment.size()).isPositive());
        assertThat(mail.problems()).isEmpty();
    }
}
