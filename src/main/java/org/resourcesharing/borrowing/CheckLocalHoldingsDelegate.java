package org.resourcesharing.borrowing;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.catalogue.Catalogue;
import org.resourcesharing.catalogue.CatalogueQuery;
import org.resourcesharing.catalogue.CatalogueRecord.Availability;
import org.resourcesharing.catalogue.CatalogueRecord.Item;
import org.springframework.stereotype.Component;

/**
 * {@code ${checkLocalHoldings}}: does the patron's library (the agency we borrow as; our other
 * campuses are asked through the rota) hold the item where the patron can use it now?
 * A copy on the shelf counts, and so does a copy in reference, reserves, special collections or
 * archives even when charged out (configured in-library locations). Missing, on-order or charged-out
 * copies elsewhere do not. Sets {@code availableLocally}, and {@code localLocation} and
 * {@code localCallNumber} for the patron's email.
 */
@Component("checkLocalHoldings")
class CheckLocalHoldingsDelegate implements JavaDelegate {

    private final Catalogue catalogue;
    private final BorrowingProperties properties;

    CheckLocalHoldingsDelegate(Catalogue catalogue, BorrowingProperties properties) {
        this.catalogue = catalogue;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<Item> usable = query(execution).stream().flatMap(query -> catalogue.localHoldings(query).stream())
                .flatMap(record -> record.items().stream())
                .filter(item -> item.agencyId().equals(properties.agencyId())) // our other campuses lend, through the rota
                .filter(item -> item.availability() == Availability.ON_SHELF || item.availability() == Availability.IN_LIBRARY_USE
                        || properties.inLibraryLocations().contains(item.location()))
                .findFirst();
        execution.setVariable("availableLocally", usable.isPresent());
        execution.setVariable("localLocation", usable.map(Item::location).orElse(null));
        execution.setVariable("localCallNumber", usable.map(Item::callNumber).orElse(null));
    }

    /** The request's citation as a catalogue query (identifiers were normalised by the citation check); empty if it names nothing. */
    static Optional<CatalogueQuery> query(DelegateExecution execution) {
        return CatalogueQuery.bestEffort(text(execution, "isbn"), text(execution, "issn"), text(execution, "oclcNumber"), text(execution, "doi"),
                text(execution, "title"), text(execution, "author"), problem -> { });
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
