package org.resourcesharing.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loan requests as libraries without an ILL system write them, in English (broken, as often),
 * French, German and Spanish: the citation in the body, or in an attached PDF or Word form with a
 * short covering note. Each goes through parser, extractor and classifier as the mail intake will.
 */
class LoanRequestMailTest {

    private static final MailParser PARSER = new MailParser(MailParsingLimits.defaults());
    private final RequestExtractor extractor = new RequestExtractor();
    private final MailClassifier classifier = new MailClassifier();

    @AfterAll
    static void close() {
        PARSER.close();
    }

    /** What a librarian reads in each request, whichever way it was sent. */
    record Expected(String language, String isbn, String title, String author, String year) {
    }

    private static final Expected KUHN = new Expected("en", "978-0-226-45808-3", "The Structure of Scientific Revolutions",
            "Thomas S. Kuhn", "1962");
    private static final Expected HUGO = new Expected("fr", "2-07-040850-5", "Les Misérables", "Victor Hugo", "1995");
    private static final Expected GRASS = new Expected("de", "3-88243-277-3", "Die Blechtrommel", "Günter Grass", "1993");
    private static final Expected GARCIA_MARQUEZ = new Expected("es", "978-84-376-0494-7", "Cien años de soledad",
            "Gabriel García Márquez", "1967");

    static Stream<Arguments> citationInTheBody() throws Exception {
        return Stream.of(
                Arguments.of(Named.of("English, broken", TestMails.plain("ill@ff.uni-lj.example.si", "Interlibrary loan request - book", """
                        Dear colleagues,

                        We are the library of University of Ljubljana, Faculty of Arts. One of our professor need urgently \
                        the book "The Structure of Scientific Revolutions" by Thomas S. Kuhn, published 1962 by University of \
                        Chicago Press, ISBN 978-0-226-45808-3.

                        Please can you lend us this book? We pay the postage back and will return it in 4 weeks.

                        Kind regards,
                        Mojca Novak
                        Interlibrary Loan Service
                        Tel. +386 1 241 1234""")), KUHN),
                Arguments.of(Named.of("French", TestMails.plain("peb@bu.univ-lyon.example.fr", "Demande de prêt entre bibliothèques", """
                        Bonjour,

                        Nous souhaiterions emprunter le livre « Les Misérables » de Victor Hugo (Gallimard, 1995), \
                        ISBN 2-07-040850-5, pour une de nos lectrices.

                        Pourriez-vous nous le prêter pour une durée de quatre semaines ?

                        Cordialement,
                        Service du prêt entre bibliothèques
                        Bibliothèque universitaire de Lyon
                        Tél. : 04 72 00 00 00""")), HUGO),
                Arguments.of(Named.of("German", TestMails.plain("fernleihe@ub.uni-heidelberg.example.de", "Fernleihbestellung", """
                        Sehr geehrte Damen und Herren,

                        wir möchten für eine unserer Nutzerinnen das Buch „Die Blechtrommel“ von Günter Grass \
                        (Göttingen: Steidl, 1993) ausleihen. ISBN: 3-88243-277-3

                        Könnten Sie uns das Buch für vier Wochen ausleihen?

                        Mit freundlichen Grüßen
                        Anna Schmidt
                        Fernleihstelle, Universitätsbibliothek Heidelberg
                        Tel.: +49 6221 54-2380""")), GRASS),
                Arguments.of(Named.of("Spanish", TestMails.plain("prestamo@usal.example.es", "Solicitud de préstamo interbibliotecario", """
                        Estimados colegas:

                        Les escribimos desde la Biblioteca de la Universidad de Salamanca. Quisiéramos solicitar en \
                        préstamo el libro «Cien años de soledad» de Gabriel García Márquez, publicado en 1967 por \
                        Editorial Sudamericana. ISBN: 978-84-376-0494-7.

                        ¿Podrían prestarnos este libro por un mes?

                        Atentamente,
                        María López
                        Servicio de Préstamo Interbibliotecario""")), GARCIA_MARQUEZ));
    }

    static Stream<Arguments> citationInAnAttachedForm() throws Exception {
        return Stream.of(
                Arguments.of(Named.of("English, PDF form", TestMails.withAttachment("ill@ff.uni-lj.example.si", "ILL request", """
                                Dear colleagues,

                                please find attached our interlibrary loan request. We would like to borrow this book \
                                for one of our professors for 4 weeks. We pay postage both ways.

                                Best regards,
                                Mojca Novak""", "ILL-request.pdf", "application/pdf",
                        TestMails.pdf("Interlibrary Loan Request Form", "Title: The Structure of Scientific Revolutions",
                                "Author: Thomas S. Kuhn", "Year: 1962", "ISBN: 978-0-226-45808-3"))), KUHN),
                Arguments.of(Named.of("French, Word form", TestMails.withAttachment("peb@bu.univ-lyon.example.fr", "Demande PEB", """
                                Bonjour,

                                Vous trouverez ci-joint notre demande. Pourriez-vous nous prêter cet ouvrage pour \
                                quatre semaines ? Nous prenons en charge les frais de retour.

                                Cordialement,
                                Service PEB, Bibliothèque universitaire de Lyon""", "demande.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        TestMails.docx("Formulaire de demande", "Titre : Les Misérables", "Auteur : Victor Hugo", "Année : 1995",
                                "ISBN : 2-07-040850-5"))), HUGO),
                Arguments.of(Named.of("German, Word form", TestMails.withAttachment("fernleihe@ub.uni-heidelberg.example.de", "Bestellung", """
                                Sehr geehrte Damen und Herren,

                                anbei finden Sie unsere Bestellung. Könnten Sie uns das Buch bitte für vier Wochen \
                                ausleihen? Die Rücksendung erfolgt auf unsere Kosten.

                                Mit freundlichen Grüßen
                                Anna Schmidt""", "bestellung.docx", "application/octet-stream",
                        TestMails.docx("Titel: Die Blechtrommel", "Verfasser: Günter Grass", "Erscheinungsjahr: 1993",
                                "ISBN: 3-88243-277-3"))), GRASS),
                Arguments.of(Named.of("Spanish, PDF form", TestMails.withAttachment("prestamo@usal.example.es", "Solicitud", """
                                Estimados colegas:

                                Les enviamos adjunta nuestra solicitud. ¿Podrían prestarnos este libro durante un mes? \
                                Nosotros pagamos el envío de vuelta.

                                Atentamente,
                                María López""", "solicitud.pdf", "application/pdf",
                        TestMails.pdf("Título: Cien años de soledad", "Autor: Gabriel García Márquez", "Año: 1967",
                                "ISBN: 978-84-376-0494-7"))), GARCIA_MARQUEZ));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("citationInTheBody")
    void readsALoanRequestWrittenInTheBody(MimeMessage message, Expected expected) {
        ParsedMail mail = PARSER.parse(message);
        ExtractedRequest request = extractor.extract(mail);

        assertThat(mail.problems()).isEmpty();
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.language()).isEqualTo(expected.language());
        assertCitation(request, expected);
        assertThat(classifier.classify(mail, request)).isEqualTo(MailKind.LOAN_OR_COPY_REQUEST);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("citationInAnAttachedForm")
    void readsALoanRequestWhoseCitationIsInAnAttachedForm(MimeMessage message, Expected expected) {
        ParsedMail mail = PARSER.parse(message);
        ExtractedRequest request = extractor.extract(mail);

        assertThat(mail.problems()).isEmpty();
        assertThat(mail.attachments()).singleElement().satisfies(attachment ->
                assertThat(attachment.text()).contains(expected.title(), expected.author(), expected.isbn()));
        assertThat(mail.language()).isEqualTo(expected.language());
        assertThat(extractor.extract(mail.subject(), mail.text()).title()).as("the covering note cites nothing").isNull();
        assertCitation(request, expected);
        assertThat(classifier.classify(mail, request)).isEqualTo(MailKind.LOAN_OR_COPY_REQUEST);
    }

    private static void assertCitation(ExtractedRequest request, Expected expected) {
        assertThat(request.isbn()).isEqualTo(expected.isbn());
        assertThat(request.title()).isEqualTo(expected.title());
        assertThat(request.author()).isEqualTo(expected.author());
        assertThat(request.year()).isEqualTo(expected.year());
        assertThat(request.serviceType()).isEqualTo("Loan");
        assertThat(request.journalTitle()).isNull();
        assertThat(request.notes()).isEmpty();
    }
}
