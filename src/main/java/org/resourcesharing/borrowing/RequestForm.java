package org.resourcesharing.borrowing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.resourcesharing.platform.FieldErrors;

/** The patron request page's form as typed: text only, so that whatever was entered comes back to the patron unchanged. */
record RequestForm(
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
        String neededBy,
        String maximumCost,
        String maximumCostCurrency,
        String notes) {

    static RequestForm of(PatronRequest request, String currency) {
        return new RequestForm(request.patronId(), request.patronName(), request.patronEmail(), request.patronType(), request.serviceType(),
                request.title(), request.author(), request.isbn(), request.issn(), request.doi(), request.oclcNumber(), request.journalTitle(),
                request.articleTitle(), request.volume(), request.issue(), request.pages(), request.year(), request.edition(),
                request.neededBy() == null ? null : request.neededBy().toString(),
                request.maximumCost() == null ? null : request.maximumCost().toPlainString(), currency, request.notes());
    }

    /** The request, with a date or an amount that cannot be read left out and added to {@code errors}. */
    PatronRequest toPatronRequest(FieldErrors errors) {
        return new PatronRequest(patronId, patronName, patronEmail, patronType, serviceType, title, author, isbn, issn, doi, oclcNumber,
                journalTitle, articleTitle, volume, issue, pages, year, edition, date(errors), amount(errors), maximumCostCurrency, notes);
    }

    /** Values by field name, for the page. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("patronId", patronId);
        values.put("patronName", patronName);
        values.put("patronEmail", patronEmail);
        values.put("patronType", patronType);
        values.put("serviceType", serviceType);
        values.put("title", title);
        values.put("author", author);
        values.put("isbn", isbn);
        values.put("issn", issn);
        values.put("doi", doi);
        values.put("oclcNumber", oclcNumber);
        values.put("journalTitle", journalTitle);
        values.put("articleTitle", articleTitle);
        values.put("volume", volume);
        values.put("issue", issue);
        values.put("pages", pages);
        values.put("year", year);
        values.put("edition", edition);
        values.put("neededBy", neededBy);
        values.put("maximumCost", maximumCost);
        values.put("maximumCostCurrency", maximumCostCurrency);
        values.put("notes", notes);
        return values;
    }

    private LocalDate date(FieldErrors errors) {
        if (neededBy == null || neededBy.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(neededBy.strip());
        } catch (DateTimeParseException notADate) {
            errors.add("neededBy", "not a date; write it as YYYY-MM-DD, e.g. 2026-03-31");
            return null;
        }
    }

    private BigDecimal amount(FieldErrors errors) {
        if (maximumCost == null || maximumCost.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(maximumCost.strip());
        } catch (NumberFormatException notANumber) {
            errors.add("maximumCost", "not an amount; write it as digits, e.g. 25.00");
            return null;
        }
    }
}
