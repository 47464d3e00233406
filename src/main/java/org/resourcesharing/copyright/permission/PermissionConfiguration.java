package org.resourcesharing.copyright.permission;

import java.time.Clock;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class PermissionConfiguration {

    @Bean
    CopyrightDecisions copyrightDecisions(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new CopyrightDecisions(jdbc, transactions);
    }

    @Bean
    PermissionAssessment permissionAssessment(DecisionService decisionService, CopyrightDecisions decisions, PermissionProperties properties) {
        // "the current year decides" public domain: the library's year
        return new PermissionAssessment(decisionService, decisions, Clock.system(properties.zone()), ReasoningMessages.bundled());
    }

    @Bean("assessCopyrightPermission")
    AssessPermissionDelegate assessCopyrightPermission(PermissionAssessment assessment, CopyrightDecisions decisions,
            PermissionProperties properties) {
        return new AssessPermissionDelegate(assessment, decisions, properties, Clock.systemUTC());
    }

    @Bean("recordCopyrightDecision")
    RecordDecisionListener recordCopyrightDecision(CopyrightDecisions decisions, PermissionProperties properties) {
        return new RecordDecisionListener(decisions, Clock.system(properties.zone()));
    }

    @Bean
    CourseCopies courseCopies(JdbcClient jdbc, PermissionProperties properties) {
        return new CourseCopies(jdbc, properties.copiesDirectory(), properties.publicBaseUrl());
    }

    @Bean
    PermissionIntake permissionIntake(RuntimeService runtimeService, PermissionProperties properties) {
        return new PermissionIntake(runtimeService, Clock.system(properties.zone()));
    }
}
