package org.resourcesharing.lending;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.catalogue.Catalogue;
import org.resourcesharing.catalogue.Catalogue.LendingAvailability;
import org.resourcesharing.catalogue.CatalogueQuery;
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
        CatalogueQuery query = CatalogueQuery.bestEffort(text(execution, "isbn"), text(execution, "issn"), text(execution, "oclcNumber"),
                text(execution, "doi"), text(execution, "title"), text(execution, "author"), notes::add).orElse(null);
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

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
