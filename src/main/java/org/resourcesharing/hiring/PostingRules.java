package org.resourcesharing.hiring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;

import org.resourcesharing.platform.FieldErrors;

/**
 * What a posting must respect before managers see it: a wage from the configured rates (or a higher
 * one the supervisor sets), never below Ontario's minimum wage in force on the start date; Work Study
 * hours within the limit; a closing date before the start. Also warns when the new positions would
 * give the supervisor more students than they may direct.
 */
class PostingRules {

    /** The posting as the supervisor drafted it; any field may be missing. */
    record Draft(String title, String duties, BigDecimal hoursPerWeek, String wageCategory, BigDecimal hourlyRate, boolean workStudy,
            BigDecimal positions, LocalDate startDate, LocalDate closingDate, String supervisor) {
    }

    /**
     * @param hourlyRate   the rate the posting pays
     * @param minimumWage  Ontario's minimum on the start date
     * @param closingAt    the end of the closing date in the library's zone: when applications stop
     * @param activeStudents how many students the supervisor directs now
     * @param limitWarning what managers should know about the supervisor's limit; empty when within it
     */
    record Checked(BigDecimal hourlyRate, BigDecimal minimumWage, Date closingAt, int activeStudents, String limitWarning) {
    }

    private final WageRates rates;
    private final Postings postings;
    private final HiringProperties properties;

    PostingRules(WageRates rates, Postings postings, HiringProperties properties) {
        this.rates = rates;
        this.postings = postings;
        this.properties = properties;
    }

    /** Checks the draft as of {@code today}; refuses it with every reason at once. */
    Checked check(Draft draft, LocalDate today) {
        FieldErrors errors = new FieldErrors();
        require(errors, "title", draft.title());
        require(errors, "duties", draft.duties());
        require(errors, "supervisor", draft.supervisor());
        if (draft.hoursPerWeek() == null || draft.hoursPerWeek().signum() <= 0) {
            errors.add("hoursPerWeek", "must be a number of hours above 0");
        } else if (draft.workStudy() && draft.hoursPerWeek().compareTo(properties.workStudyMaxHours()) > 0) {
            errors.add("hoursPerWeek", "a Work Study position has at most " + properties.workStudyMaxHours().toPlainString() + " hours a week");
        }
        if (draft.positions() == null || draft.positions().signum() <= 0 || draft.positions().stripTrailingZeros().scale() > 0) {
            errors.add("positions", "must be a whole number above 0");
        }
        if (draft.startDate() == null) {
            errors.add("startDate", "must be a date (yyyy-mm-dd)");
        }
        if (draft.closingDate() == null) {
            errors.add("closingDate", "must be a date (yyyy-mm-dd)");
        } else if (draft.closingDate().isBefore(today)) {
            errors.add("closingDate", "must not be in the past");
        } else if (draft.startDate() != null && !draft.closingDate().isBefore(draft.startDate())) {
            errors.add("closingDate", "must be before the start date");
        }
        BigDecimal rate = null;
        BigDecimal minimum = null;
        if (draft.wageCategory() == null || !rates.knowsCategory(draft.wageCategory())) {
            errors.add("wageCategory", "must be one of " + properties.wageCategories().keySet());
        } else if (draft.startDate() != null) {
            Optional<BigDecimal> categoryRate = rates.categoryRateOn(draft.wageCategory(), draft.startDate());
            Optional<BigDecimal> minimumWage = rates.minimumOn(draft.startDate());
            if (minimumWage.isEmpty()) {
                errors.add("startDate", "no minimum wage is configured for " + draft.startDate());
            } else if (categoryRate.isEmpty()) {
                errors.add("wageCategory", "has no rate configured for " + draft.startDate());
            } else {
                minimum = minimumWage.get();
                rate = draft.hourlyRate() != null ? draft.hourlyRate().setScale(2, RoundingMode.HALF_UP) : categoryRate.get();
                if (rate.compareTo(minimum) < 0) {
                    errors.add(draft.hourlyRate() != null ? "requestedRate" : "wageCategory", "pays " + rate.toPlainString()
                            + " an hour, below the minimum wage of " + minimum.toPlainString() + " in force on " + draft.startDate());
                } else if (draft.hourlyRate() != null && rate.compareTo(categoryRate.get()) < 0) {
                    errors.add("requestedRate", "is below the " + draft.wageCategory() + " rate of " + categoryRate.get().toPlainString()
                            + " on " + draft.startDate());
                }
            }
        }
        errors.throwIfAny();
        int active = postings.activeStudents(draft.supervisor());
        int limit = properties.maxStudentsPerSupervisor();
        int positions = draft.positions().intValue();
        String warning = active + positions > limit
                ? "%s directs %d student(s) now; %d more would be %d, above the limit of %d".formatted(draft.supervisor(), active, positions,
                        active + positions, limit)
                : "";
        Date closingAt = Date.from(draft.closingDate().plusDays(1).atStartOfDay(properties.zone()).toInstant());
        return new Checked(rate.setScale(2, RoundingMode.HALF_UP), minimum, closingAt, active, warning);
    }

    private static void require(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(field, "must not be empty");
        }
    }
}
