package org.resourcesharing.platform;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resourcesharing.testsupport.TestProcessEngine;

@Deployment(resources = {"bpmn/patron-enquiry.bpmn", "forms/patron-enquiry.form", "forms/answer-patron-enquiry.form"})
class PatronEnquiryProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    @Test
    void anEnquiryWaitsForTheBorrowingTeamAndEndsWhenAnswered() {
        ProcessInstance enquiry = runtimeService().startProcessInstanceByKey("patron-enquiry", "ENQ-7",
                withVariables("patronName", "Ada Reader", "patronEmail", "ada@example.edu", "question", "Where is my book?"));

        assertThat(enquiry).isWaitingAt("Task_AnswerEnquiry");
        assertThat(task(enquiry)).hasCandidateGroup("ill-borrowing").isNotAssigned();

        complete(task(enquiry), withVariables("answer", "It ships from Queen's today.", "answeredBy", "email"));

        assertThat(enquiry).isEnded().hasPassedInOrder("StartEvent_EnquiryReceived", "Task_AnswerEnquiry", "EndEvent_EnquiryAnswered")
                .variables().containsEntry("answeredBy", "email");
    }
}
