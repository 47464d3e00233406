package org.resourcesharing.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resourcesharing.mail.Notification;
import org.resourcesharing.mail.SendNotificationDelegate;
import org.resourcesharing.mail.TestNotifications;
import org.resourcesharing.testsupport.TestProcessEngine;

@Deployment(resources = {"bpmn/patron-enquiry.bpmn", "forms/patron-enquiry.form", "forms/answer-patron-enquiry.form"})
class PatronEnquiryProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    private TestNotifications notifications;

    @BeforeEach
    void replaceTheMailServerAtTheDelegatesBoundary() {
        notifications = new TestNotifications();
        Mocks.register("sendNotification", new SendNotificationDelegate(notifications, historyService()));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void anAnswerByEmailGoesToThePatronInTheirLanguage() {
        ProcessInstance enquiry = enquiry("fr");
        assertThat(task(enquiry)).hasCandidateGroup("ill-borrowing").isNotAssigned();

        complete(task(enquiry), withVariables("answer", "Il arrive de Queen's aujourd'hui.", "answeredBy", "email"));
        execute(job(enquiry)); // after the answer
        execute(job(enquiry)); // the email

        assertThat(enquiry).isEnded().hasPassedInOrder("Task_AnswerEnquiry", "Task_EmailAnswer", "EndEvent_EnquiryAnswered");
        Notification email = notifications.sent().get(0);
        assertThat(notifications.sent()).hasSize(1);
        assertThat(email.template()).isEqualTo("enquiry-answer");
        assertThat(email.recipient()).isEqualTo("ada@example.edu");
        assertThat(email.language()).isEqualTo("fr");
        assertThat(email.caseToken()).isEqualTo("ENQ-7");
        assertThat(email.model()).containsEntry("answer", "Il arrive de Queen's aujourd'hui.");
        assertThat(email.sendKey()).isEqualTo(enquiry.getId() + ":Task_EmailAnswer:1");
    }

    @Test
    void anAnswerGivenByPhoneSendsNoEmail() {
        ProcessInstance enquiry = enquiry("en");

        complete(task(enquiry), withVariables("answer", "Told her it ships today.", "answeredBy", "phone"));
        execute(job(enquiry));

        assertThat(enquiry).isEnded().hasPassed("EndEvent_EnquiryAnswered").hasNotPassed("Task_EmailAnswer");
        assertThat(notifications.sent()).isEmpty();
    }

    private static ProcessInstance enquiry(String language) {
        ProcessInstance enquiry = runtimeService().startProcessInstanceByKey("patron-enquiry", "ENQ-7",
                withVariables("patronName", "Ada Reader", "patronEmail", "ada@example.edu", "patronLanguage", language,
                        "question", "Where is my book?"));
        assertThat(enquiry).isWaitingAt("Task_AnswerEnquiry");
        return enquiry;
    }
}
