package org.resourcesharing.mail;

import java.util.List;

/**
 * What a librarian would pick out of a request written as free text. Every field is null when not
 * found; identifiers are as written (labels such as "ISBN:" or a DOI's resolver removed) and are not
 * validated here.
 *
 * @param serviceType "Loan" or "Copy" (ISO 18626 service types), null when the wording is unclear
 * @param journalTitle the journal an article request cites
 * @param notes what was ambiguous and how it was settled, for staff
 */
public record ExtractedRequest(
        String isbn,
        String issn,
        String doi,
        String oclcNumber,
        String title,
        String author,
        String year,
        String volume,
        String issue,
        String pages,
        String serviceType,
        String journalTitle,
        List<String> notes) {

    public ExtractedRequest {
        notes = List.copyOf(notes);
    }

    /** Whether a standard identifier (ISBN, ISSN, DOI or OCLC number) was found. */
    public boolean hasIdentifier() {
        return isbn != null || issn != null || doi != null || oclcNumber != null;
    }
}
