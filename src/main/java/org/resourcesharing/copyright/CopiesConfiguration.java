package org.resourcesharing.copyright;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CopiesConfiguration {

    @Bean
    PdfCheck pdfCheck() {
        return new PdfCheck();
    }

    @Bean
    CopyDeliveries copyDeliveries(JdbcClient jdbc, CopiesProperties properties, PdfCheck pdfCheck) {
        // the clock only says when; business days are counted in the configured library time zone
        return new CopyDeliveries(jdbc, properties, pdfCheck, Clock.systemUTC());
    }
}
