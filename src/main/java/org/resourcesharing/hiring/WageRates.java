package org.resourcesharing.hiring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The effective-dated rates of the configuration: which wage is in force on a day. */
final class WageRates {

    private final HiringProperties properties;

    WageRates(HiringProperties properties) {
        this.properties = properties;
    }

    /** Ontario's minimum wage on that day; empty before the first configured rate. */
    Optional<BigDecimal> minimumOn(LocalDate day) {
        return inForce(properties.minimumWage(), day);
    }

    /** The category's rate on that day; empty for an unknown category or a day before its first rate. */
    Optional<BigDecimal> categoryRateOn(String category, LocalDate day) {
        return inForce(properties.wageCategories().getOrDefault(category, List.of()), day);
    }

    boolean knowsCategory(String category) {
        return properties.wageCategories().containsKey(category);
    }

    private static Optional<BigDecimal> inForce(List<HiringProperties.DatedRate> rates, LocalDate day) {
        return rates.stream().filter(rate -> !rate.from().isAfter(day)).max(Comparator.comparing(HiringProperties.DatedRate::from))
                .map(HiringProperties.DatedRate::rate);
    }
}
