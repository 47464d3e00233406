package org.resourcesharing.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The citation details a librarian would read in requests as people write them. */
class RequestExtractorTest {

    private final RequestExtractor extractor = new RequestExtractor();

    @Test
    void readsAnArticleCopyRequestCitedInApaStyle() {
        ExtractedRequest request = extractor.extract("Article request", """
                Hello,
                Could you please send us a scan of the following article for one of our researchers:

                Smith, J., & Jones, M. (2019). Resource sharing in academic libraries. Journal of Library Administration, \
                59(3), 245-267. https://doi.org/10.1080/01930826.2019.1583014

                Thank you in advance.""");

        assertThat(request.doi()).isEqualTo("10.1080/01930826.2019.1583014");
        assertThat(request.title()).isEqualTo("Resource sharing in academic libraries");
        assertThat(request.author()).isEqualTo("Smith, J., & Jones, M.");
        assertThat(request.journalTitle()).isEqualTo("Journal of Library Administration");
        assertThat(request.year()).isEqualTo("2019");
        assertThat(request.volume()).isEqualTo("59");
        assertThat(request.issue()).isEqualTo("3");
        assertThat(request.pages()).isEqualTo("245-267");
        assertThat(request.serviceType()).isEqualTo("Copy");
        assertThat(request.isbn()).isNull();
        assertThat(request.notes()).isEmpty();
    }

    @Test
    void readsAChicagoStyleCitationWithEveryIdentifier() {
        ExtractedRequest request = extractor.extract("Copy request", """
                Could you send us a PDF copy of: Brown, Anne. "Open access and interlending." Library Trends vol. 68, \
                no. 2 (2019), pp. 300-315. doi:10.1353/lib.2019.0035. ISSN 0024-2594. (OCoLC)ocm01234567""");

        assertThat(request.title()).isEqualTo("Open access and interlending");
        assertThat(request.author()).isEqualTo("Brown, Anne");
        assertThat(request.journalTitle()).isEqualTo("Library Trends");
        assertThat(request.volume()).isEqualTo("68");
        assertThat(request.issue()).isEqualTo("2");
        assertThat(request.year()).isEqualTo("2019");
        assertThat(request.pages()).isEqualTo("300-315");
        assertThat(request.doi()).isEqualTo("10.1353/lib.2019.0035");
        assertThat(request.issn()).isEqualTo("0024-2594");
        assertThat(request.oclcNumber()).isEqualTo("(OCoLC)ocm01234567");
        assertThat(request.serviceType()).isEqualTo("Copy");
        assertThat(request.notes()).containsExactly("title guessed from the first quoted phrase: Open access and interlending");
    }

    @Test
    void readsArticleCopyRequestsInGermanFrenchAndSpanish() {
        ExtractedRequest german = extractor.extract("Kopienbestellung", """
                Bitte senden Sie uns eine Kopie des Aufsatzes „Bibliotheken im Wandel“ von Hans Meier, in: Zeitschrift für \
                Bibliothekswesen und Bibliographie, Bd. 64, Heft 3 (2017), S. 123-130.""");
        ExtractedRequest french = extractor.extract("Demande de copie", """
                Pourriez-vous nous envoyer une copie numérisée de l'article « Le prêt entre bibliothèques » de Claire Martin, \
                paru dans la revue Bulletin des bibliothèques de France, vol. 12, n° 3, p. 45-67 (2015) ?""");
        ExtractedRequest spanish = extractor.extract("Solicitud de copia", """
                Les solicitamos una copia del artículo «La biblioteca universitaria» publicado en la revista Revista Española \
                de Documentación Científica, vol. 40, núm. 2, págs. 15-30, 2017.""");

        assertThat(german).extracting(ExtractedRequest::title, ExtractedRequest::author, ExtractedRequest::journalTitle,
                ExtractedRequest::volume, ExtractedRequest::issue, ExtractedRequest::pages, ExtractedRequest::year,
                ExtractedRequest::serviceType).containsExactly("Bibliotheken im Wandel", "Hans Meier",
                "Zeitschrift für Bibliothekswesen und Bibliographie", "64", "3", "123-130", "2017", "Copy");
        assertThat(french).extracting(ExtractedRequest::title, ExtractedRequest::author, ExtractedRequest::journalTitle,
                ExtractedRequest::volume, ExtractedRequest::issue, ExtractedRequest::pages, ExtractedRequest::year,
                ExtractedRequest::serviceType).containsExactly("Le prêt entre bibliothèques", "Claire Martin",
                "Bulletin des bibliothèques de France", "12", "3", "45-67", "2015", "Copy");
        assertThat(spanish).extracting(ExtractedRequest::title, ExtractedRequest::journalTitle, ExtractedRequest::volume,
                ExtractedRequest::issue, ExtractedRequest::pages, ExtractedRequest::serviceType).containsExactly(
                "La biblioteca universitaria", "Revista Española de Documentación Científica", "40", "2", "15-30", "Copy");
    }

    @Test
    void readsIdentifiersInTheFormsPeopleWriteThem() {
        assertThat(extractor.extract(null, "ISBN9780226458083").isbn()).isEqualTo("9780226458083");
        assertThat(extractor.extract(null, "ISBN-10: 0-8044-2957-X, thanks").isbn()).isEqualTo("0-8044-2957-X");
        assertThat(extractor.extract(null, "ISBN : 978 2 07 040850 4").isbn()).isEqualTo("978 2 07 040850 4");
        assertThat(extractor.extract(null, "the book 978-0-226-45808-3 please").isbn()).isEqualTo("978-0-226-45808-3");
        assertThat(extractor.extract(null, "our only copy is 0226458083, can you help").isbn()).isEqualTo("0226458083");
        assertThat(extractor.extract(null, "eISSN: 1945-2446").issn()).isEqualTo("1945-2446");
        assertThat(extractor.extract(null, "see https://dx.doi.org/10.1000/xyz123.").doi()).isEqualTo("10.1000/xyz123");
        assertThat(extractor.extract(null, "(doi: 10.1016/S0140-6736(20)30183-5).").doi()).isEqualTo("10.1016/S0140-6736(20)30183-5");
        assertThat(extractor.extract(null, "DOI 10.1080/01930826.2019.1583014, p. 3").doi()).isEqualTo("10.1080/01930826.2019.1583014");
        assertThat(extractor.extract(null, "OCLC #: 1234567").oclcNumber()).isEqualTo("1234567");
        assertThat(extractor.extract(null, "OCLC 12345678").oclcNumber()).isEqualTo("12345678");
        assertThat(extractor.extract(null, "https://www.worldcat.org/oclc/987654321").oclcNumber()).isEqualTo("987654321");
    }

    @Test
    void takesNoPhoneNumberDateOrPostcodeForAnIdentifierOrAYear() {
        ExtractedRequest request = extractor.extract("Question", """
                Hello, are you open on 12 March 2025 or 2025-03-14? Please call me.
                Phone: 416-555-0199, fax 4165550198, mobile +1 613 555 0123
                Sent 04.03.2025 from 90 Wellesley St W, Toronto ON M5S 1C5""");

        assertThat(request).extracting(ExtractedRequest::isbn, ExtractedRequest::issn, ExtractedRequest::doi,
                ExtractedRequest::oclcNumber, ExtractedRequest::year, ExtractedRequest::volume, ExtractedRequest::issue,
                ExtractedRequest::pages, ExtractedRequest::serviceType, ExtractedRequest::title)
                .containsOnlyNulls();
        assertThat(request.notes()).isEmpty();
    }

    @Test
    void readsBrokenEnglishAndNotesTwoDifferentIsbns() {
        ExtractedRequest request = extractor.extract("Request of book", """
                Dear Sir or Madam, please we kindly ask to lend us book "Pedagogy of the Oppressed" of author Paulo Freire, \
                ISBN 0-8264-1276-9 or the new edition ISBN 978-1-5013-1413-1. Same book as ISBN 978-0-8264-1276-8.""");

        assertThat(request.title()).isEqualTo("Pedagogy of the Oppressed");
        assertThat(request.author()).isEqualTo("Paulo Freire");
        assertThat(request.isbn()).isEqualTo("0-8264-1276-9");
        assertThat(request.serviceType()).isEqualTo("Loan");
        assertThat(request.notes()).containsExactly("2 different ISBNs found (0-8264-1276-9, 978-1-5013-1413-1); took the first");
    }

    @Test
    void tellsALoanFromACopyAndLeavesItOpenWhenTheWordingSaysBoth() {
        assertThat(extractor.extract("ILL", "Could you lend us a copy of the book \"Walden\" by Henry David Thoreau?").serviceType())
                .isEqualTo("Loan");
        assertThat(extractor.extract("ILL", "Could you scan chapter 3 (pp. 45-67) of the book \"Walden\"? ISBN 978-0-300-11008-0")
                .serviceType()).isEqualTo("Copy");
        assertThat(extractor.extract("Fernleihe", "Wir bitten um eine Kopie des Aufsatzes „Lesen heute“.").serviceType())
                .isEqualTo("Copy");
        assertThat(extractor.extract("Préstamo", "Necesitamos el libro «Rayuela» de Julio Cortázar en préstamo.").serviceType())
                .isEqualTo("Loan");

        ExtractedRequest both = extractor.extract("Walden", "We would like a scan of chapter 2 or to borrow the whole book.");
        assertThat(both.serviceType()).isNull();
        assertThat(both.notes()).containsExactly("the wording suggests both a loan and a copy; service type left open");

        ExtractedRequest neither = extractor.extract("Hello", "Do you have \"Walden\" by Henry David Thoreau?");
        assertThat(neither.serviceType()).isNull();
        assertThat(neither.author()).isEqualTo("Henry David Thoreau");
    }

    @Test
    void readsTheUnquotedBookByAuthorPattern() {
        ExtractedRequest request = extractor.extract(null,
                "hello, we need the book Mexican Cooking by Diana Kennedy for our reader. OCLC 12345678. Can you loan it?");

        assertThat(request.title()).isEqualTo("Mexican Cooking");
        assertThat(request.author()).isEqualTo("Diana Kennedy");
        assertThat(request.oclcNumber()).isEqualTo("12345678");
        assertThat(request.serviceType()).isEqualTo("Loan");
    }
}
