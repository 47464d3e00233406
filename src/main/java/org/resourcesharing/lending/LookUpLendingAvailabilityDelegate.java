package org.resourcesharing.lending;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.catalogue.Catalogue;
import org.resourcesharing.catalogue.Catalogue.LendingAvailability;
import org.resourcesharing.catalogue.CatalogueQuery;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * {@code ${lookUpLendingAvailability}}: is the requested item on our shelf? Sets {@code shelfStatus}
 * (NOT_HELD, ON_SHELF, IN_LIBRARY_USE_ONLY, ON_LOAN), {@code shelfLocation}, {@code callNumber},
 * {@code shelfDueDate}, {@code publicationYear}, {@code materialType} for staff and the lending
 * policy. An identifier the partner got wrong is noted in {@code catalogueNote} and the search
 * goes on by title and author; a catalogue that cannot answer fails the step, to be retried.
 */
@Component("lookUpLendingAvailability")
public class LookUpLendingAvailabilityDelegate implements JavaDelegate {

    private final Catalogue catalogue;

    public LookUpLendingAvailabilityDelegate(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> notes = new ArrayList<>();
        CatalogueQuery query = query(execution, notes);
        if (query == null) {
            execution.setVariable("shelfStatus", "NOT_CHECKED");
            execution.setVariable("catalogueNote", String.join("; ", notes));
            return;
        }
        LendingAvailability availability = catalogue.availabilityForLending(query, (String) execution.getVariable("supplyingAgencyId"));
        execution.setVariable("shelfStatus", availability.status().name());
        execution.setVariable("catalogueRecordId", availability.recordId());
        execution.setVariable("shelfLocation", availability.location());
        execution.setVariable("callNumber", availability.callNumber());
        execution.setVariable("shelfDueDate", availability.dueDate() == null ? null : Date.valueOf(availability.dueDate()));
        execution.setVariable("publicationYear", availability.publicationYear());
        execution.setVariable("materialType", availability.materialType() == null ? null : availability.materialType().name());
        execution.setVariable("catalogueNote", notes.isEmpty() ? null : String.join("; ", notes));
    }

    /** The request's identifiers and title; without the identifiers if any is invalid; null if nothing is left to search by. */
    private static CatalogueQuery query(DelegateExecution execution, List<String> notes) {
        try {
            return CatalogueQuery.of(text(execution, "isbn"), text(execution, "issn"), text(execution, "oclcNumber"), text(execution, "doi"),
                    text(execution, "title"), text(execution, "author"));
        } catch (InvalidRequestException invalid) {
            invalid.errors().forEach(error -> notes.add(error.field() + ": " + error.reason()));
        }
        try {
            return CatalogueQuery.of(null, null, null, null, text(execution, "title"), text(execution, "author"));
        } catch (InvalidRequestException nothingToSearchBy) {
            notes.add("the request names no title to search the catalogue by");
            return null;
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
