package org.resourcesharing.borrowing;

import java.time.Period;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Borrowing rules that are not in the lender selection table.
 *
 * @param agencyId             the agency we borrow as (our ISO 18626 requesting agency id)
 * @param inLibraryLocations   locations whose copies count as available here even when charged out
 *                             (reference, reserves, special collections, archives): the patron is sent there
 * @param patronDueDateMargin  how many days before the lender's due date the patron must bring a loan back
 * @param retryLater           how long to wait before trying the lenders again when staff choose "try again later"
 * @param shippingTimeout      how long a lender that said WillSupply has to ship before we cancel and ask the next one
 * @param pickupWithin         how long a loan waits for the patron before it goes back to the lender unclaimed
 */
@ConfigurationProperties("resource-sharing.borrowing")
public record BorrowingProperties(
        @DefaultValue("ISIL:CA-OPETB") String agencyId,
        @DefaultValue({"REFERENCE", "RESERVES", "SPECCOLL", "ARCHIVES"}) List<String> inLibraryLocations,
        @DefaultValue("3") int patronDueDateMargin,
        @DefaultValue("P7D") Period retryLater,
        @DefaultValue("P14D") Period shippingTimeout,
        @DefaultValue("P10D") Period pickupWithin) {
}
