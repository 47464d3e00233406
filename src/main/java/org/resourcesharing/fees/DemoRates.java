package org.resourcesharing.fees;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.resourcesharing.fees.ExchangeRates.ImportSummary;
import org.resourcesharing.fees.ValetFile.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Gives the demo exchange rates at every start. The sample file ({@code resource-sharing.fees.rates.demo-sample},
 * a Bank of Canada Valet JSON file) holds a few days of made-up rates per series; they are re-dated to
 * every weekday of the last {@value #DAYS} days up to today (each day takes the sample day its date
 * falls on, by day number, so a restart gives every date the same rate again), because a stale file
 * would be refused by the maximum age of rates. Their source is "{@value #SOURCE} FX...CAD", so no
 * one takes them for the Bank of Canada's.
 */
@Component
@Profile("demo & !prod")
class DemoRates implements SmartInitializingSingleton {

    static final String SOURCE = "Demo sample";
    static final int DAYS = 30;
    private static final Logger log = LoggerFactory.getLogger(DemoRates.class);

    private final ExchangeRates rates;
    private final FeesProperties properties;
    private final Clock clock;

    DemoRates(ExchangeRates rates, FeesProperties properties) {
        this.rates = rates;
        this.properties = properties;
        this.clock = Clock.system(properties.zone());
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Observation> sample;
        try (InputStream file = new ClassPathResource(properties.rates().demoSample()).getInputStream()) {
            sample = ValetFile.read(file.readAllBytes(), ValetFile.Format.JSON, properties.homeCurrency().getCurrencyCode());
        } catch (IOException e) {
            throw new UncheckedIOException("The demo's sample exchange rates are missing: " + properties.rates().demoSample(), e);
        }
        ImportSummary summary = rates.importObservations(redated(sample, LocalDate.now(clock)), SOURCE);
        log.info("Demo exchange rates ({}), {} to {}: {} new, {} unchanged", summary.currencies(), summary.from(), summary.to(),
                summary.inserted(), summary.unchanged());
    }

    /** Every weekday of the {@value #DAYS} days up to {@code today}, each series at the sample value its day number picks. */
    static List<Observation> redated(List<Observation> sample, LocalDate today) {
        Map<String, List<Observation>> bySeries = sample.stream().sorted(Comparator.comparing(Observation::date))
                .collect(Collectors.groupingBy(Observation::series, java.util.TreeMap::new, Collectors.toList()));
        List<Observation> redated = new ArrayList<>();
        for (LocalDate day = today.minusDays(DAYS - 1); !day.isAfter(today); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue; // as the Bank of Canada: no rates on weekends
            }
            for (List<Observation> series : bySeries.values()) {
                Observation picked = series.get((int) Math.floorMod(day.toEpochDay(), series.size()));
                redated.add(new Observation(picked.series(), picked.currency(), day, picked.rate()));
            }
        }
        return redated;
    }
}
