package org.resourcesharing.fees;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.resourcesharing.fees.ExchangeRateStore.Saved;
import org.resourcesharing.fees.ValetFile.Format;
import org.resourcesharing.fees.ValetFile.Observation;
import org.resourcesharing.platform.FieldErrors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The exchange rates the ledger converts with: imported from Bank of Canada Valet files (uploaded,
 * downloaded on schedule, or the demo's sample) and listed.
 *
 * <ul>
 * <li><b>All or nothing.</b> A file is read whole and checked before anything is written; a file with
 * any error imports nothing. The rows are written in one transaction.</li>
 * <li><b>Idempotent.</b> A rate is kept per currency, day and source: importing the same file again
 * changes nothing; a day whose published value changed (a correction) is updated, and the summary
 * says so. Postings keep the rate they were converted at.</li>
 * <li><b>Exact.</b> Rates are kept as published (up to ten decimals), never rounded.</li>
 * </ul>
 */
class ExchangeRates {

    /**
     * @param source       who published the rates (each row's source is this and the series)
     * @param observations rates in the file (one series on one day)
     * @param inserted     new rates
     * @param updated      rates already there with another value, replaced
     * @param unchanged    rates already there with the same value
     * @param currencies   the currencies the file has rates for
     * @param from         the first day with a rate; null for a file without any
     * @param to           the last day with a rate
     */
    record ImportSummary(String source, int observations, int inserted, int updated, int unchanged, List<String> currencies,
            LocalDate from, LocalDate to) {
    }

    private final ExchangeRateStore store;
    private final TransactionOperations transactions;
    private final String homeCurrency;
    private final FeesProperties.Rates settings;
    private final Clock clock;

    ExchangeRates(ExchangeRateStore store, TransactionOperations transactions, FeesProperties properties, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.homeCurrency = properties.homeCurrency().getCurrencyCode();
        this.settings = properties.rates();
        this.clock = clock;
    }

    /**
     * Imports a Valet observations file with the configured source name ({@code resource-sharing.fees.rates.source-name}).
     *
     * @throws FieldErrors.InvalidRequestException naming each error in the file; nothing is imported then
     */
    ImportSummary importValet(byte[] content, Format format) {
        if (content.length > settings.maxFileSize().toBytes()) {
            new FieldErrors().add("body", "larger than the " + settings.maxFileSize().toMegabytes() + " MB allowed "
                    + "(resource-sharing.fees.rates.max-file-size)").throwIfAny();
        }
        return importObservations(ValetFile.read(content, format, homeCurrency), settings.sourceName());
    }

    /** Rates already read, under the given source name: the row's source is "<sourceName> <series>". */
    ImportSummary importObservations(List<Observation> observations, String sourceName) {
        try {
            return write(observations, sourceName);
        } catch (DuplicateKeyException importedMeanwhile) {
            // another node imported the same rates between our read and our insert: now they are there to compare with
            return write(observations, sourceName);
        }
    }

    private ImportSummary write(List<Observation> observations, String sourceName) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Saved, Long> counts = transactions.execute(status -> observations.stream()
                .map(observation -> store.save(new ExchangeRate(observation.currency(), homeCurrency, observation.date(), observation.rate(),
                        sourceName + " " + observation.series(), now)))
                .collect(Collectors.groupingBy(saved -> saved, Collectors.counting())));
        return new ImportSummary(sourceName, observations.size(), count(counts, Saved.INSERTED), count(counts, Saved.UPDATED),
                count(counts, Saved.UNCHANGED),
                List.copyOf(observations.stream().map(Observation::currency).collect(Collectors.toCollection(TreeSet::new))),
                observations.stream().map(Observation::date).min(Comparator.naturalOrder()).orElse(null),
                observations.stream().map(Observation::date).max(Comparator.naturalOrder()).orElse(null));
    }

    /** The rates of the days from {@code from} to {@code to}, oldest first; of every currency when {@code currency} is null. */
    List<ExchangeRate> list(String currency, LocalDate from, LocalDate to) {
        return store.list(currency, homeCurrency, from, to);
    }

    private static int count(Map<Saved, Long> counts, Saved saved) {
        return counts.getOrDefault(saved, 0L).intValue();
    }
}
