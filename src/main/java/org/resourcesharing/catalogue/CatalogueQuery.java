package org.resourcesharing.catalogue;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.resourcesharing.platform.FieldErrors;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;

/**
 * What to look for: any identifiers, and title with author for when no identifier matches. Built
 * with {@link #of}, which normalises the identifiers and refuses bad ones rather than searching
 * for them.
 */
public record CatalogueQuery(Isbn isbn, Issn issn, OclcNumber oclcNumber, Doi doi, String title, String author) {

    public static CatalogueQuery of(String isbn, String issn, String oclcNumber, String doi, String title, String author) {
        FieldErrors errors = new FieldErrors();
        CatalogueQuery query = new CatalogueQuery(
                parse(isbn, "isbn", Isbn::parse, errors), parse(issn, "issn", Issn::parse, errors),
                parse(oclcNumber, "oclcNumber", OclcNumber::parse, errors), parse(doi, "doi", Doi::parse, errors),
                blankToNull(title), blankToNull(author));
        if (errors.isEmpty() && query.isEmpty()) {
            errors.add("title", "give an identifier (ISBN, ISSN, OCLC number, DOI) or a title");
        }
        errors.throwIfAny();
        return query;
    }

    /**
     * For a request already taken in: with its identifiers if they are all valid, else by title and
     * author alone (a wrong check digit should not hide a book the catalogue has); empty when nothing
     * is left to search by. Each problem is told to {@code notes}.
     */
    public static Optional<CatalogueQuery> bestEffort(String isbn, String issn, String oclcNumber, String doi, String title, String author,
            Consumer<String> notes) {
        try {
            return Optional.of(of(isbn, issn, oclcNumber, doi, title, author));
        } catch (InvalidRequestException invalid) {
            invalid.errors().forEach(error -> notes.accept(error.field() + ": " + error.reason()));
        }
        try {
            return Optional.of(of(null, null, null, null, title, author));
        } catch (InvalidRequestException nothingToSearchBy) {
            notes.accept("the request names no title to search the catalogue by");
            return Optional.empty();
        }
    }

    public boolean hasIdentifier() {
        return isbn != null || issn != null || oclcNumber != null || doi != null;
    }

    private boolean isEmpty() {
        return !hasIdentifier() && title == null;
    }

    private static <T> T parse(String raw, String field, Function<String, T> parser, FieldErrors errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (InvalidIdentifierException invalid) {
            errors.add(field, invalid.getMessage());
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
