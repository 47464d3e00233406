package org.resourcesharing.platform;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PrivacyConfiguration {

    @Bean
    PersonalDataErasure personalDataErasure(PrivacyProperties properties, HistoryService historyService, ManagementService managementService,
            ObjectProvider<PersonalDataStore> stores, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        return new PersonalDataErasure(properties, historyService, managementService, stores.orderedStream().toList(), jdbc,
                new TransactionTemplate(transactionManager));
    }
}
