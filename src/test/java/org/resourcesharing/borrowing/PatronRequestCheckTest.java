package org.resourcesharing.borrowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resourcesharing.platform.FieldErrors;
import org.resourcesharing.platform.FieldErrors.FieldError;

class PatronRequestCheckTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    /** 11 p.m. in Toronto on 10 March 2026, already the 11th in UTC: "today" must be the library's. */
    private static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2026, 3, 10, 23, 0, 0, 0, TORONTO).toInstant(), TORONTO);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private final PatronRequestCheck check = new PatronRequestCheck(List.of("undergraduate", "graduate", "faculty", "staff"), CLOCK);

    static PatronRequest article() {
        return new PatronRequest("2000123456", "Amira Haddad", "amira.haddad@trentu.example.ca", "graduate", "Copy", null, "Tremblay, Anne",
                null, "0317-8471", "10.1139/cjfas-2019-0123", null, "Canadian Journal of Fisheries and Aquatic Sciences",
                "Winter survival of brook trout", "77", "4", "645-660", "2020", null, TODAY.plusDays(14), new BigDecimal("25.00"), "CAD",
                "For my thesis chapter");
    }

    @Test
    void aCompleteRequestHasNoErrors() {
        assertThat(errors(article())).isEmpty();
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        PatronRequest empty = new PatronRequest(null, " ", "", null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);

        assertThat(errors(empty)).containsExactly(
                new FieldError("patronId", "required"),
                new FieldError("patronName", "required"),
                new FieldError("patronEmail", "required"),
                new FieldError("patronType", "required"),
                new FieldError("serviceType", "required"),
                new FieldError("title", "give the title, the journal title or an identifier (ISBN, ISSN, DOI or OCLC number)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"amira", "amira@", "amira@trentu", "Amira <amira@trentu.example.ca>", "a@trentu.example.ca, b@trentu.example.ca",
            "amira haddad@trentu.example.ca"})
    void theEmailAddressMustBeOnePlainAddress(String email) {
        assertThat(errors(with(request -> copy(request, "patronEmail", email))))
                .containsExactly(new FieldError("patronEmail", "not a valid email address"));
    }

    @Test
    void thePatronTypeIsOneOfTheConfiguredTypesInAnyCase() {
        assertThat(errors(with(request -> copy(request, "patronType", "Faculty")))).isEmpty();
        assertThat(errors(with(request -> copy(request, "patronType", "alumni"))))
                .containsExactly(new FieldError("patronType", "should be one of undergraduate, graduate, faculty, staff"));
    }

    @Test
    void theServiceTypeIsLoanCopyOrCopyOrLoan() {
        assertThat(errors(with(request -> copy(request, "serviceType", "copyorloan")))).isEmpty();
        assertThat(errors(with(request -> copy(request, "serviceType", "Scan"))))
                .containsExactly(new FieldError("serviceType", "should be Loan, Copy or CopyOrLoan"));
    }

    @Test
    void anIdentifierAloneSaysWhatIsAskedFor() {
        PatronRequest byIsbn = new PatronRequest("2000123456", "Amira Haddad", "amira@trentu.example.ca", "graduate", "Loan", null, null,
                "080442957X", null, null, null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(errors(byIsbn)).isEmpty();
    }

    @Test
    void anInvalidIdentifierIsAnErrorThatSaysWhyAndDoesNotCountAsTheCitation() {
        PatronRequest badIdentifiers = new PatronRequest("2000123456", "Amira Haddad", "amira@trentu.example.ca", "graduate", "Loan", null,
                null, "978-0-8044-2957-4", "0317-8472", "11.1139/x", "abc", null, null, null, null, null, null, null, null, null, null, null);

        assertThat(errors(badIdentifiers)).containsExactly(
                new FieldError("isbn", "not a valid ISBN: check digit should be 3"),
                new FieldError("issn", "not a valid ISSN: check digit should be 1"),
                new FieldError("doi", "not a valid DOI: should start with 10."),
                new FieldError("oclcNumber", "not a valid OCLC number: should be digits, optionally after (OCoLC) and ocm (8 digits), "
                        + "ocn (9 digits) or on (10 or more)"),
                new FieldError("title", "give the title, the journal title or an identifier (ISBN, ISSN, DOI or OCLC number)"));
    }

    @Test
    void aCopyNeedsTheArticleOrChapterOrThePages() {
        PatronRequest noPart = with(request -> copy(copy(request, "articleTitle", null), "pages", " "));

        assertThat(errors(noPart)).containsExactly(
                new FieldError("articleTitle", "a copy needs the title of the article or chapter, or the pages to copy"));
        assertThat(errors(copy(noPart, "pages", "12-14"))).isEmpty();
        assertThat(errors(copy(noPart, "title", "Winter survival of brook trout"))).as("title beside the journal title is the article's").isEmpty();
        assertThat(errors(copy(noPart, "serviceType", "CopyOrLoan"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"20a0", "95", "2020-04", "c1999"})
    void theYearIsFourDigits(String year) {
        assertThat(errors(with(request -> copy(request, "year", year)))).containsExactly(new FieldError("year", "should be a year of four digits"));
    }

    @Test
    void theYearIsNotInTheFuture() {
        assertThat(errors(with(request -> copy(request, "year", "2026")))).isEmpty();
        assertThat(errors(with(request -> copy(request, "year", "2027")))).containsExactly(new FieldError("year", "is in the future"));
    }

    @Test
    void theNeededByDateIsTodayOrLaterInTheLibrarysTimeZone() {
        assertThat(errors(withNeededBy(TODAY))).isEmpty();
        assertThat(errors(withNeededBy(TODAY.minusDays(1)))).containsExactly(new FieldError("neededBy", "is in the past"));
    }

    @Test
    void theMaximumCostIsNotNegativeWithAtMostTwoDecimals() {
        assertThat(errors(withCost("0"))).isEmpty();
        assertThat(errors(withCost("12.500"))).as("trailing zeros are no precision").isEmpty();
        assertThat(errors(withCost("-1.00"))).containsExactly(new FieldError("maximumCost", "must not be negative"));
        assertThat(errors(withCost("12.345"))).containsExactly(new FieldError("maximumCost", "at most two decimal places"));
    }

    @Test
    void theCurrencyIsAnIso4217Code() {
        assertThat(errors(with(request -> copy(request, "maximumCostCurrency", "usd")))).isEmpty();
        assertThat(errors(with(request -> copy(request, "maximumCostCurrency", "XYZ"))))
                .containsExactly(new FieldError("maximumCostCurrency", "not an ISO 4217 currency code such as CAD"));
        assertThat(errors(with(request -> copy(request, "maximumCostCurrency", "dollars"))))
                .containsExactly(new FieldError("maximumCostCurrency", "not an ISO 4217 currency code such as CAD"));
    }

    @Test
    void textsAreBounded() {
        PatronRequest tooLong = with(request -> copy(copy(copy(request, "articleTitle", "a".repeat(501)), "notes", "n".repeat(2001)),
                "patronName", "p".repeat(201)));

        assertThat(errors(tooLong)).containsExactly(
                new FieldError("patronName", "at most 200 characters"),
                new FieldError("articleTitle", "at most 500 characters"),
                new FieldError("notes", "at most 2000 characters"));
    }

    private List<FieldError> errors(PatronRequest request) {
        FieldErrors errors = new FieldErrors();
        check.check(request, errors);
        return errors.list();
    }

    private static PatronRequest with(UnaryOperator<PatronRequest> change) {
        return change.apply(article());
    }

    private static PatronRequest withNeededBy(LocalDate neededBy) {
        PatronRequest r = article();
        return new PatronRequest(r.patronId(), r.patronName(), r.patronEmail(), r.patronType(), r.serviceType(), r.title(), r.author(), r.isbn(),
                r.issn(), r.doi(), r.oclcNumber(), r.journalTitle(), r.articleTitle(), r.volume(), r.issue(), r.pages(), r.year(), r.edition(),
                neededBy, r.maximumCost(), r.maximumCostCurrency(), r.notes());
    }

    private static PatronRequest withCost(String cost) {
        PatronRequest r = article();
        return new PatronRequest(r.patronId(), r.patronName(), r.patronEmail(), r.patronType(), r.serviceType(), r.title(), r.author(), r.isbn(),
                r.issn(), r.doi(), r.oclcNumber(), r.journalTitle(), r.articleTitle(), r.volume(), r.issue(), r.pages(), r.year(), r.edition(),
                r.neededBy(), new BigDecimal(cost), r.maximumCostCurrency(), r.notes());
    }

    /** The request with one text field changed. */
    static PatronRequest copy(PatronRequest r, String field, String value) {
        return new PatronRequest(
                field.equals("patronId") ? value : r.patronId(),
                field.equals("patronName") ? value : r.patronName(),
                field.equals("patronEmail") ? value : r.patronEmail(),
                field.equals("patronType") ? value : r.patronType(),
                field.equals("serviceType") ? value : r.serviceType(),
                field.equals("title") ? value : r.title(),
                field.equals("author") ? value : r.author(),
                field.equals("isbn") ? value : r.isbn(),
                field.equals("issn") ? value : r.issn(),
                field.equals("doi") ? value : r.doi(),
                field.equals("oclcNumber") ? value : r.oclcNumber(),
                field.equals("journalTitle") ? value : r.journalTitle(),
                field.equals("articleTitle") ? value : r.articleTitle(),
                field.equals("volume") ? value : r.volume(),
                field.equals("issue") ? value : r.issue(),
                field.equals("pages") ? value : r.pages(),
                field.equals("year") ? value : r.year(),
                field.equals("edition") ? value : r.edition(),
                r.neededBy(), r.maximumCost(),
                field.equals("maximumCostCurrency") ? value : r.maximumCostCurrency(),
                field.equals("notes") ? value : r.notes());
    }
}
