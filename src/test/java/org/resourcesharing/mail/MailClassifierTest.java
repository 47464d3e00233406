package org.resourcesharing.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Requests, job applications and everything else, through parser, extractor and classifier together. */
class MailClassifierTest {

    private static final MailParser PARSER = new MailParser(MailParsingLimits.defaults());
    private final RequestExtractor extractor = new RequestExtractor();
    private final MailClassifier classifier = new MailClassifier();

    @AfterAll
    static void close() {
        PARSER.close();
    }

    @Test
    void classifiesAnArticleCopyRequestAndReadsItsCitation() throws Exception {
        ParsedMail mail = PARSER.parse(TestMails.plain("ill@library.uwa.example.au", "Document delivery request", """
                Dear colleagues,

                Could you please supply a copy of the following article for one of our researchers?

                Smith, J., & Jones, M. (2019). Resource sharing in academic libraries. Journal of Library Administration, \
                59(3), 245-267. https://doi.org/10.1080/01930826.2019.1583014

                We agree to pay up to 15 IFLA vouchers.
                Kind regards,
                Document Delivery, University Library"""));
        ExtractedRequest request = extractor.extract(mail);

        assertThat(classifier.classify(mail, request)).isEqualTo(MailKind.LOAN_OR_COPY_REQUEST);
        assertThat(mail.language()).isEqualTo("en");
        assertThat(request).extracting(ExtractedRequest::doi, ExtractedRequest::journalTitle, ExtractedRequest::volume,
                ExtractedRequest::issue, ExtractedRequest::pages, ExtractedRequest::serviceType).containsExactly(
                "10.1080/01930826.2019.1583014", "Journal of Library Administration", "59", "3", "245-267", "Copy");
    }

    @Test
    void classifiesAJobApplicationWithADocxResumeAndReadsTheResume() throws Exception {
        MimeMessage message = TestMails.withAttachment("priya.sharma@mail.utoronto.example.ca",
                "Application - Student Library Assistant (Interlibrary Loan)", """
                Dear Hiring Committee,

                I am writing to apply for the Student Library Assistant position in Interlibrary Loan posted on the \
                campus job board. I am a second-year student in Information Studies and have worked at the circulation \
                desk of my public library for two years.

                Please find my résumé attached. I am available 15 hours a week.

                Sincerely,
                Priya Sharma""", "Priya_Sharma_Resume.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                TestMails.docx("Priya Sharma", "Education", "BA Information Studies, University of Toronto, 2023-present",
                        "Experience", "Circulation desk assistant, Toronto Public Library, 2022-2024", "Skills",
                        "Alma, WorldCat, customer service, French and Hindi"));

        ParsedMail mail = PARSER.parse(message);
        ExtractedRequest request = extractor.extract(mail);

        assertThat(classifier.classify(mail, request)).isEqualTo(MailKind.JOB_APPLICATION);
        assertThat(mail.attachments()).singleElement().satisfies(resume -> {
            assertThat(resume.fileName()).isEqualTo("Priya_Sharma_Resume.docx");
            assertThat(resume.text()).contains("Education", "Circulation desk assistant, Toronto Public Library");
            assertThat(resume.problem()).isNull();
        });
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void classifiesJobApplicationsInFrenchGermanAndSpanish() throws Exception {
        ParsedMail french = PARSER.parse(TestMails.withAttachment("lea.martin@example.fr", "Candidature au poste d'assistant·e", """
                Madame, Monsieur,

                Je me permets de vous adresser ma candidature pour le poste d'assistant·e étudiant·e à la bibliothèque. \
                Vous trouverez ci-joint mon CV et ma lettre de motivation.

                Cordialement,
                Léa Martin""", "CV_Lea_Martin.pdf", "application/pdf",
                TestMails.pdf("Lea Martin", "Formation : Licence de lettres", "Experience : Bibliotheque municipale")));
        ParsedMail german = PARSER.parse(TestMails.plain("jonas.weber@example.de", "Bewerbung als studentische Hilfskraft", """
                Sehr geehrte Damen und Herren,

                hiermit bewerbe ich mich auf die ausgeschriebene Stelle als studentische Hilfskraft in der Fernleihe. \
                Meinen Lebenslauf sende ich Ihnen gerne nach.

                Mit freundlichen Grüßen
                Jonas Weber"""));
        ParsedMail spanish = PARSER.parse(TestMails.plain("lucia.gomez@example.es", "Solicitud para el puesto de auxiliar", """
                Estimados señores:

                Les escribo para presentar mi solicitud para el puesto de auxiliar de biblioteca. Adjunto mi currículum \
                en cuanto sea posible.

                Atentamente,
                Lucía Gómez"""));

        assertThat(classifier.classify(french, extractor.extract(french))).isEqualTo(MailKind.JOB_APPLICATION);
        assertThat(classifier.classify(german, extractor.extract(german))).isEqualTo(MailKind.JOB_APPLICATION);
        assertThat(classifier.classify(spanish, extractor.extract(spanish))).isEqualTo(MailKind.JOB_APPLICATION);
        assertThat(french.language()).isEqualTo("fr");
        assertThat(german.language()).isEqualTo("de");
        assertThat(spanish.language()).isEqualTo("es");
    }

    @Test
    void takesAnOutOfOfficeReplyForOtherEvenWhenItMentionsLoans() throws Exception {
        MimeMessage flagged = TestMails.raw("""
                Message-ID: <oof-1@library.example.org>
                From: Jane Roe <jroe@library.example.org>
                Subject: Automatic reply: Interlibrary loan request - book
                Auto-Submitted: auto-replied
                Content-Type: text/plain; charset=UTF-8

                Thank you for your message. I am away until 17 March. For interlibrary loan requests, please write to \
                ill@library.example.org, who can lend and copy in my absence.
                """);
        MimeMessage unflagged = TestMails.plain("hmueller@ub.example.de", "Abwesenheitsnotiz: Fernleihbestellung", """
                Vielen Dank für Ihre Nachricht. Ich bin bis zum 17. März nicht im Büro. Ihre Fernleihbestellung \
                (das Buch „Die Blechtrommel“, ISBN 3-88243-277-3) wird von meinen Kolleginnen bearbeitet.""");
        MimeMessage french = TestMails.plain("pret@bu.example.fr", "Réponse automatique : Demande de prêt",
                "Je suis absente du bureau jusqu'au 17 mars. Pour le prêt entre bibliothèques, écrivez à peb@bu.example.fr.");

        for (MimeMessage message : new MimeMessage[] {flagged, unflagged, french}) {
            ParsedMail mail = PARSER.parse(message);
            assertThat(classifier.classify(mail, extractor.extract(mail))).as(mail.subject()).isEqualTo(MailKind.OTHER);
        }
        assertThat(PARSER.parse(flagged).automated()).isEqualTo("Auto-Submitted: auto-replied");
    }

    @Test
    void takesNewslettersAndPlainQuestionsForOther() throws Exception {
        MimeMessage newsletter = TestMails.raw("""
                From: Library Vendor News <news@vendor.example.com>
                Subject: New e-book packages for your library
                List-Unsubscribe: <mailto:unsubscribe@vendor.example.com>
                Content-Type: text/plain; charset=UTF-8

                Borrow more! Our new e-book loan model lets your patrons borrow any title, e.g. "The Midnight Library" \
                by Matt Haig (ISBN 978-0-525-55947-4).
                """);
        ParsedMail question = PARSER.parse(TestMails.plain("visitor@example.com", "Opening hours",
                "Hello, is the library open on Saturdays in March? Thank you."));

        ParsedMail news = PARSER.parse(newsletter);
        assertThat(news.automated()).isEqualTo("List-Unsubscribe: <mailto:unsubscribe@vendor.example.com>");
        assertThat(classifier.classify(news, extractor.extract(news))).isEqualTo(MailKind.OTHER);
        assertThat(classifier.classify(question, extractor.extract(question))).isEqualTo(MailKind.OTHER);
    }

    @Test
    void aStudentWhoCannotWorkAShiftIsAnAbsenceInEnglishOrFrench() throws Exception {
        ParsedMail english = PARSER.parse(TestMails.plain("sam.student@trentu.example.ca", "Shift on Tuesday",
                "Hi Hana,\nI'm sorry, I can't make my shift on Tuesday 8 December 18:00, I have an exam the next morning.\nSam"));
        ParsedMail french = PARSER.parse(TestMails.plain("camille.roy@trentu.example.ca", "Absence",
                "Bonjour,\nJe ne pourrai pas assurer mon quart le mardi 8 décembre à 18 h : j'ai un examen.\nCamille"));
        ParsedMail loanRequest = PARSER.parse(TestMails.plain("ill@library.example.org", "Loan request",
                "Our desk cannot do this search locally: could you lend us ISBN 978-0-262-03384-8 (Introduction to Algorithms)?"));

        assertThat(classifier.classify(english, extractor.extract(english))).isEqualTo(MailKind.SHIFT_ABSENCE);
        assertThat(classifier.classify(french, extractor.extract(french))).isEqualTo(MailKind.SHIFT_ABSENCE);
        assertThat(classifier.classify(loanRequest, extractor.extract(loanRequest))).isEqualTo(MailKind.LOAN_OR_COPY_REQUEST);
    }
}
