package org.resourcesharing.borrowing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a patron asks for, through any door (the REST API, the OpenURL page). Blank text counts as
 * absent. For an article give {@code journalTitle} and {@code articleTitle}; for a book
 * {@code title}; for a chapter {@code title} (the book) and {@code articleTitle} (the chapter).
 *
 * @param patronType  one of {@code resource-sharing.borrowing.patron-types}
 * @param serviceType Loan, Copy or CopyOrLoan
 * @param year        the year of publication, four digits
 * @param maximumCost the most the patron will pay, in {@code maximumCostCurrency} (default: the configured currency)
 */
public record PatronRequest(
        String patronId,
        String patronName,
        String patronEmail,
        String patronType,
        String serviceType,
        String title,
        String author,
        String isbn,
        String issn,
        String doi,
        String oclcNumber,
        String journalTitle,
        String articleTitle,
        String volume,
        String issue,
        String pages,
        String year,
        String edition,
        LocalDate neededBy,
        BigDecimal maximumCost,
        String maximumCostCurrency,
        String notes) {

    /** The journal, or the book: the process variable {@code title}. */
    String containerTitle() {
        return present(journalTitle) ? journalTitle.strip() : present(title) ? title.strip() : null;
    }

    /** The article or chapter: {@code articleTitle}, or {@code title} when the journal title is given beside it. */
    String componentTitle() {
        if (present(articleTitle)) {
            return articleTitle.strip();
        }
        return present(journalTitle) && present(title) ? title.strip() : null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
