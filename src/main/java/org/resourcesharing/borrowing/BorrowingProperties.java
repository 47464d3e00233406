package org.resourcesharing.borrowing;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How patrons' borrowing requests are taken in.
 *
 * @param publicBaseUrl   the address patrons reach this application at; status links are {@code <publicBaseUrl>/requests/<token>}
 * @param patronTypes     the patron types a request may name (the borrowing process decides by them)
 * @param defaultCurrency the currency of a maximum cost given without one (ISO 4217)
 * @param zone            the library's time zone: "today" for needed-by dates and years, and the dates patrons see
 */
@ConfigurationProperties("resource-sharing.borrowing")
record BorrowingProperties(
        String publicBaseUrl,
        @DefaultValue({"undergraduate", "graduate", "faculty", "staff"}) List<String> patronTypes,
        @DefaultValue("CAD") Currency defaultCurrency,
        @DefaultValue("America/Toronto") ZoneId zone) {
}
