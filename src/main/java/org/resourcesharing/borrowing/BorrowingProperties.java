package org.resourcesharing.borrowing;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How patrons' borrowing requests are taken in, and the borrowing rules that are not in the lender
 * selection table.
 *
 * @param publicBaseUrl        the address patrons reach this application at; status links are {@code <publicBaseUrl>/requests/<token>}
 * @param patronTypes          the patron types a request may name (the borrowing process decides by them)
 * @param defaultCurrency      the currency of a maximum cost given without one (ISO 4217)
 * @param zone                 the library's time zone: "today" for needed-by dates and years, and the dates patrons see
 * @param agencyId             the agency we borrow as (our ISO 18626 requesting agency id)
 * @param inLibraryLocations   locations whose copies count as available here even when charged out
 *                             (reference, reserves, special collections, archives): the patron is sent there
 * @param patronDueDateMargin  how many days before the lender's due date the patron must bring a loan back
 * @param retryLater           how long to wait before trying the lenders again when staff choose "try again later"
 * @param shippingTimeout      how long a lender that said WillSupply has to ship before we cancel and ask the next one
 * @param pickupWithin         how long a loan waits for the patron before it goes back to the lender unclaimed
 * @param reminderBefore       how long before the patron's due date the patron is reminded
 * @param ruleOfFiveCopies     CONTU guidelines: copies a year from one journal before royalties are due (5)
 * @param ruleOfFiveYears      CONTU guidelines: articles published within this many years count (5)
 * @param costConsentWithin    how long the patron has to accept a lender's cost before the lender is told no and the next one asked
 * @param royaltyPayee         the ledger account copyright royalties are owed to (the rights collective that collects them)
 * @param lenderFiguresMaxAge  how old a lender's fill rate and turnaround (over the last year) may be when the lender
 *                             selection table gets them; within it they are not read again from the message log
 */
@ConfigurationProperties("resource-sharing.borrowing")
record BorrowingProperties(
        String publicBaseUrl,
        @DefaultValue({"undergraduate", "graduate", "faculty", "staff"}) List<String> patronTypes,
        @DefaultValue("CAD") Currency defaultCurrency,
        @DefaultValue("America/Toronto") ZoneId zone,
        @DefaultValue("ISIL:CA-OPETB") String agencyId,
        @DefaultValue({"REFERENCE", "RESERVES", "SPECCOLL", "ARCHIVES"}) List<String> inLibraryLocations,
        @DefaultValue("3") int patronDueDateMargin,
        @DefaultValue("P7D") Period retryLater,
        @DefaultValue("P14D") Period shippingTimeout,
        @DefaultValue("P10D") Period pickupWithin,
        @DefaultValue("P3D") Period reminderBefore,
        @DefaultValue("5") int ruleOfFiveCopies,
        @DefaultValue("5") int ruleOfFiveYears,
        @DefaultValue("P5D") Period costConsentWithin,
        @DefaultValue("CCC") String royaltyPayee,
        @DefaultValue("PT10M") Duration lenderFiguresMaxAge) {
}
