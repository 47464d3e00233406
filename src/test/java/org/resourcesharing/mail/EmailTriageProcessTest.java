package org.resourcesharing.mail;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resourcesharing.testsupport.TestProcessEngine;

@Deployment(resources = {"bpmn/email-triage.bpmn", "forms/triage-email.form"})
class EmailTriageProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    @Test
    void anEmailNobodyCouldHandleGoesToTheMailboxsGroup() {
        ProcessInstance triage = runtimeService().createMessageCorrelation("Email to triage").processInstanceBusinessKey("MAIL-0001")
                .setVariables(Map.of("triageGroup", "copyright", "mailbox", "copyright", "emailFrom", "permissions@press.example.com",
                        "emailSubject", "Re: your request", "emailText", "Please see the attached licence.",
                        "triageReason", "not recognised as a reply, a request or an application"))
                .correlateStartMessage();

        assertThat(triage).isWaitingAt("Task_TriageEmail");
        assertThat(task(triage)).hasCandidateGroup("copyright").isNotAssigned();
        complete(task(triage), withVariables("triageNote", "Filed the licence with the course pack request."));

        assertThat(triage).isEnded().hasPassed("EndEvent_Triaged");
    }
}
