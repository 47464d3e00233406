package org.resourcesharing.hiring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class HiringConfiguration {

    @Bean
    Postings postings(JdbcClient jdbc) {
        return new Postings(jdbc);
    }

    @Bean
    Applications applications(JdbcClient jdbc) {
        return new Applications(jdbc);
    }

    @Bean
    WageRates wageRates(HiringProperties properties) {
        return new WageRates(properties);
    }

    @Bean
    PostingRules postingRules(WageRates rates, Postings postings, HiringProperties properties) {
        return new PostingRules(rates, postings, properties);
    }
}
