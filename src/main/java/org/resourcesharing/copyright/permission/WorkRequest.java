package org.resourcesharing.copyright.permission;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import org.resourcesharing.copyright.PageRanges;
import org.resourcesharing.copyright.permission.Authors.Author;

/**
 * What the assessment needs to know about one request: the course, the use and the work, read and
 * checked (see {@link PermissionRequests}).
 *
 * @param pagesRequested as the instructor wrote them ("45-74, 80")
 * @param licence        the licence of the e-resource, a row of the managers' licence table; null unless the source is a licensed e-resource
 * @param linkOnly       the instructor will post a persistent link to the licensed resource, no copy
 * @param language       the instructor's, en or fr: the language of the assessment's explanations in their emails
 */
record WorkRequest(String courseCode, String term, Integer students, IntendedUse use, WorkType workType, String title, List<Author> authors,
        Authorship authorship, String publisher, Integer year, String isbn, String issn, String pagesRequested, Integer totalPages,
        Source source, String licence, String persistentLink, boolean linkOnly, String language) {

    /** The number of pages requested, overlaps counted once (a whole work: all its pages); empty when they cannot be read. */
    OptionalInt pageCount() {
        if (workType == WorkType.WHOLE_WORK && (pagesRequested == null || pagesRequested.isBlank()) && totalPages != null) {
            return OptionalInt.of(totalPages);
        }
        return PageRanges.expectedPages(pagesRequested);
    }

    /**
     * What "the same work" is when copies for one course are added up: the book by ISBN, the periodical
     * issue by ISSN and year, anything else by its title (and year).
     */
    String workKey() {
        if (isbn != null && !isbn.isBlank()) {
            return "isbn:" + isbn.replaceAll("[^0-9Xx]", "").toUpperCase(Locale.ROOT);
        }
        String yearPart = year == null ? "" : ":" + year;
        if (issn != null && !issn.isBlank()) {
            return "issn:" + issn.replaceAll("[^0-9Xx]", "").toUpperCase(Locale.ROOT) + yearPart;
        }
        return "title:" + title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + yearPart;
    }

    /** The citation an attribution statement starts with: authors, title, publisher, year, pages. */
    String citation() {
        StringBuilder citation = new StringBuilder();
        if (!authors.isEmpty()) {
            citation.append(Authors.names(authors)).append(". ");
        }
        citation.append(title.strip());
        if (publisher != null && !publisher.isBlank()) {
            citation.append(". ").append(publisher.strip());
        }
        if (year != null) {
            citation.append(publisher != null && !publisher.isBlank() ? ", " : ". ").append(year);
        }
        if (pagesRequested != null && !pagesRequested.isBlank() && !linkOnly) {
            citation.append(", pp. ").append(pagesRequested.strip());
        }
        return citation.append('.').toString();
    }
}
