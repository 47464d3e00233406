package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param homeCurrency the currency the library keeps its books in; postings in another currency are converted to it
 * @param zone         the library's time zone: a posting is converted at the rate of its day there
 * @param rates        exchange rates: how old one may be, where they are imported from
 * @param iflaVouchers the IFLA voucher as a payment unit
 * @param invoices     what partners' invoices say besides their lines
 */
@ConfigurationProperties("resource-sharing.fees")
record FeesProperties(
        @DefaultValue("CAD") Currency homeCurrency,
        @DefaultValue("America/Toronto") ZoneId zone,
        @DefaultValue Rates rates,
        @DefaultValue IflaVouchers iflaVouchers,
        @DefaultValue Invoicing invoices) {

    /**
     * @param maxAge         a conversion uses the rate of its day or of the last earlier day with one, but none older than this
     * @param sourceName     who published the imported rates; each rate's source is this and its series ("Bank of Canada FXUSDCAD")
     * @param importUrl      a Bank of Canada Valet observations URL (JSON or CSV) imported on schedule; empty: no scheduled import
     * @param importCron     when (seconds minutes hours day month weekday, in the zone above)
     * @param connectTimeout how long the scheduled import tries to reach the URL
     * @param readTimeout    how long it waits for the whole answer
     * @param maxFileSize    the largest rates file taken, uploaded or downloaded
     * @param demoSample     the demo's sample rates (classpath resource, Valet JSON), re-dated to the last 30 days at each start
     */
    record Rates(
            @DefaultValue("P7D") Period maxAge,
            @DefaultValue("Bank of Canada") String sourceName,
            @DefaultValue("") String importUrl,
            @DefaultValue("-") String importCron,
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("60s") Duration readTimeout,
            @DefaultValue("5MB") DataSize maxFileSize,
            @DefaultValue("fees/demo-rates.json") String demoSample) {
    }

    /**
     * @param code         the voucher's currency-like code in the ledger (not an ISO 4217 code)
     * @param value        what one full voucher is worth, in {@code valueCurrency}
     * @param valueCurrency the currency the value is fixed in (IFLA: EUR)
     * @param smallestPart the smallest part of a voucher that is paid (a half voucher: 0.5)
     */
    record IflaVouchers(
            @DefaultValue("XIV") String code,
            @DefaultValue("8.00") BigDecimal value,
            @DefaultValue("EUR") Currency valueCurrency,
            @DefaultValue("0.5") BigDecimal smallestPart) {
    }

    /**
     * @param issuer       the lines at the top of every invoice: who issues it, address, contact
     * @param paymentTerms how and by when to pay, printed under the total
     */
    record Invoicing(@DefaultValue("Interlibrary Loan") List<String> issuer, @DefaultValue("") String paymentTerms) {
    }
}
