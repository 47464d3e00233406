package org.resourcesharing.lending;

import java.time.Duration;
import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Loan rules that are not in the lending policy table.
 *
 * @param defaultLoanWeeks the loan period when the policy gives none (a request staff decided to lend)
 * @param overdueGrace     how long after the due date the first overdue notice goes out
 * @param overdueNotices   how many overdue notices the partner gets at most
 * @param overdueInterval  the time between two overdue notices
 * @param maxRenewals      how many times a borrower may renew one loan
 * @param renewalWeeks     how much longer each renewal keeps the item out
 * @param lostAfter        how long after the due date an item not shipped back is presumed lost (staff then settle it)
 * @param termsAnswerTime  how long a borrower has to agree to our loan conditions or fee before we answer Unfilled
 * @param licenceTerms     what our licences say about interlibrary loan copies from licensed e-journals, by ISSN:
 *                         {@code PERMITTED} or {@code NOT_PERMITTED} (an input of the copy copyright table)
 */
@ConfigurationProperties("resource-sharing.lending")
public record LendingProperties(
        @DefaultValue("4") int defaultLoanWeeks,
        @DefaultValue("P1D") Period overdueGrace,
        @DefaultValue("3") int overdueNotices,
        @DefaultValue("7d") Duration overdueInterval,
        @DefaultValue("1") int maxRenewals,
        @DefaultValue("4") int renewalWeeks,
        @DefaultValue("P30D") Period lostAfter,
        @DefaultValue("P14D") Period termsAnswerTime,
        Map<String, String> licenceTerms) {

    public LendingProperties {
        licenceTerms = licenceTerms == null ? Map.of() : Map.copyOf(licenceTerms);
    }
}
