package org.resourcesharing.borrowing;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.resourcesharing.platform.PersonalDataStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class BorrowingConfiguration {

    @Bean
    BorrowingRequests borrowingRequests(JdbcClient jdbc) {
        return new BorrowingRequests(jdbc);
    }

    @Bean
    BorrowingIntake borrowingIntake(BorrowingRequests requests, RuntimeService runtimeService, BorrowingProperties properties) {
        // "today" (needed-by dates, years) is the library's today: the clock's zone is the configured one
        return new BorrowingIntake(requests, runtimeService, properties, Clock.system(properties.zone()));
    }

    /** The patron of a finished borrowing request, once its personal data is due for erasure. */
    @Bean
    PersonalDataStore borrowingRequestPatrons(BorrowingRequests requests) {
        return erased -> {
            if (BorrowingIntake.PROCESS_KEY.equals(erased.processDefinitionKey())) {
                requests.erasePatron(erased.businessKey(), Instant.now());
            }
        };
    }

    @Bean
    RequestStanding requestStanding(RuntimeService runtimeService, HistoryService historyService) {
        return new RequestStanding(runtimeService, historyService);
    }
}
