package org.resourcesharing.copyright;

import java.time.Clock;

import org.resourcesharing.platform.PersonalDataStore;
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

    /** Who downloaded a copy (their address) goes with the person; the copy's record stays its three years. */
    @Bean
    PersonalDataStore copyDownloaders(CopyDeliveries deliveries) {
        return erased -> deliveries.forgetDownloaders(erased.businessKey());
    }
}
