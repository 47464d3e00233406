package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.DecisionService;
import org.resourcesharing.platform.FieldErrors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link FeePolicy} bean. It converts with the application's {@link CurrencyConverter} (the
 * stored exchange rates); while the application has none, every conversion is refused with a
 * reason, so fines, lost item charges and subsidies in one currency work and a cost in another
 * currency is never compared at a made-up rate.
 */
@Configuration(proxyBeanMethods = false)
class FeePolicyConfiguration {

    static final String NO_RATES = "no exchange rates are available in this application";

    @Bean
    FeePolicy feePolicy(DecisionService decisions, ObjectProvider<CurrencyConverter> rates) {
        return new FeePolicy(decisions, rates.getIfAvailable(() -> FeePolicyConfiguration::noRates));
    }

    private static CurrencyConverter.Conversion noRates(BigDecimal amount, String from, String to, LocalDate on) {
        new FieldErrors().add("currency", NO_RATES + " to convert " + from + " to " + to).throwIfAny();
        throw new IllegalStateException("unreachable");
    }
}
