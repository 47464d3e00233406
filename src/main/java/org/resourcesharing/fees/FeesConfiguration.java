package org.resourcesharing.fees;

import java.time.Clock;

import org.camunda.bpm.engine.DecisionService;
import org.resourcesharing.iso18626.PartnerDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FeesConfiguration {

    @Bean
    PaymentUnits paymentUnits(FeesProperties properties) {
        return new PaymentUnits(properties.iflaVouchers());
    }

    @Bean
    ExchangeRates exchangeRates(ExchangeRateStore store, TransactionTemplate transactions, FeesProperties properties) {
        return new ExchangeRates(store, transactions, properties, Clock.systemUTC());
    }

    @Bean
    ExchangeRateConverter currencyConverter(ExchangeRateStore store, PaymentUnits units, FeesProperties properties) {
        return new ExchangeRateConverter(store, units, properties);
    }

    /** Fines, lost items and the subsidy from the managers' table {@code bpmn/fee-policy.dmn}; costs in other currencies at the stored rates. */
    @Bean
    FeePolicy feePolicy(DecisionService decisions, CurrencyConverter converter) {
        return new FeePolicy(decisions, converter);
    }

    @Bean
    Ledger ledger(PostingStore store, PaymentUnits units, CurrencyConverter converter, FeesProperties properties) {
        // the clock only says when; the posting's day (and so its rate) is taken in the library's time zone
        return new Ledger(store, units, converter, properties, Clock.systemUTC());
    }

    @Bean
    Invoices invoices(Ledger ledger, PartnerDirectory partners, CurrencyConverter converter, RequestTitles titles, PaymentUnits units,
            FeesProperties properties) {
        return new Invoices(ledger, partners::find, converter, titles, units, properties, Clock.systemUTC());
    }

    @Bean
    PatronStatements patronStatements(Ledger ledger, RequestTitles titles, FeesProperties properties) {
        return new PatronStatements(ledger, titles, properties, Clock.systemUTC());
    }
}
