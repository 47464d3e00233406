package org.resourcesharing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

@ResourceSharingIntegrationTest
class ApplicationIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    IdentityService identityService;
    @Autowired
    FilterService filterService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    AuthorizationService authorizationService;

    @Test
    void startsWithEveryDiagramAndFormDeployedUnderItsStableName() {
        List<String> names = repositoryService.createDeploymentQuery().deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME).list().stream()
                .flatMap(deployment -> repositoryService.getDeploymentResources(deployment.getId()).stream())
                .map(Resource::getName).toList();

        assertThat(names).contains("bpmn/patron-enquiry.bpmn", "forms/patron-enquiry.form", "forms/answer-patron-enquiry.form");
    }

    @Test
    void startsWithTheStaffGroupsDemoUsersAndTasklistFilters() {
        assertThat(identityService.createGroupQuery().list()).extracting(Group::getId)
                .contains("ill-borrowing", "ill-lending", "copyright", "hiring", "managers", "camunda-admin");
        assertThat(identityService.checkPassword("bella", "demo")).isTrue();
        assertThat(identityService.createUserQuery().memberOfGroup("managers").userId("max").count()).isOne();
        assertThat(filterService.createFilterQuery().list()).extracting(Filter::getName)
                .contains(TasklistFilters.GROUP_TASKS, TasklistFilters.MY_TASKS);
    }

    @Test
    void borrowingStaffSeeAPatronEnquiryTaskThroughTheGrantOnItsProcessWithNoAuthorizationPerTask() {
        String enquiry = runtimeService.startProcessInstanceByKey("patron-enquiry", "ENQ-GRANTS",
                Map.of("patronName", "Ada Reader", "patronEmail", "ada@example.edu", "question", "Can I renew my loan?")).getId();
        try {
            String taskId = taskService.createTaskQuery().processInstanceId(enquiry).singleResult().getId();

            assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).count()).isZero();
            assertThat(taskCount("bella", enquiry)).isOne();
            assertThat(taskCount("leo", enquiry)).isZero();
        } finally {
            runtimeService.deleteProcessInstance(enquiry, "test over");
        }
    }

    @Test
    void theRestApiRefusesAnonymousCalls() {
        ResponseEntity<String> response = http.getForEntity("/engine-rest/process-definition", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    }

    @Test
    void theRestApiRefusesWrongPasswords() {
        ResponseEntity<String> response;
        try {
            response = http.withBasicAuth("max", "wrong").getForEntity("/engine-rest/process-definition", String.class);
        } finally {
            // a failed login locks the user for a few seconds, which would fail the next test class that logs in as max
            identityService.unlockUser("max");
        }

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void staffMayNotDeploy() throws IOException {
        ResponseEntity<String> response = deployFromModeler("bella", "demo", "Patron enquiry (Bella's edit)");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aManagerDeploysFromModelerAndTheNewVersionIsActive() throws IOException {
        int before = latestEnquiryDefinition().getVersion();

        ResponseEntity<JsonNode> response = http.withBasicAuth("max", "demo").postForEntity("/engine-rest/deployment/create",
                modelerDeployment("Patron enquiry (reviewed by managers)"), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        ProcessDefinition latest = latestEnquiryDefinition();
        assertThat(latest.getVersion()).isEqualTo(before + 1);
        assertThat(latest.getDeploymentId()).isEqualTo(response.getBody().path("id").asText());
        assertThat(latest.getName()).isEqualTo("Patron enquiry (reviewed by managers)");
        assertThat(latest.isSuspended()).isFalse();
    }

    @Test
    void healthIsOpenButItsDetailsAreForAdministrators() {
        ResponseEntity<JsonNode> anonymous = http.getForEntity("/actuator/health", JsonNode.class);
        ResponseEntity<JsonNode> staff = http.withBasicAuth("bella", "demo").getForEntity("/actuator/health", JsonNode.class);
        ResponseEntity<JsonNode> admin = http.withBasicAuth("admin", "admin").getForEntity("/actuator/health", JsonNode.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.getBody().has("components")).isFalse();
        assertThat(staff.getBody().has("components")).isFalse();
        assertThat(admin.getBody().path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(admin.getBody().path("components").path("mail").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void livenessIsOpenAndOtherActuatorEndpointsAreForAdministrators() {
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/info", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("bella", "demo").getForEntity("/actuator/info", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("admin", "admin").getForEntity("/actuator/info", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private int taskCount(String user, String processInstanceId) {
        return http.withBasicAuth(user, "demo").getForEntity("/engine-rest/task/count?processInstanceId={id}", JsonNode.class,
                processInstanceId).getBody().path("count").asInt();
    }

    private ResponseEntity<String> deployFromModeler(String user, String password, String processName) throws IOException {
        return http.withBasicAuth(user, password).postForEntity("/engine-rest/deployment/create", modelerDeployment(processName), String.class);
    }

    /** The request Camunda Modeler sends: the edited diagram as a file part, duplicate filtering on. */
    private HttpEntity<MultiValueMap<String, Object>> modelerDeployment(String processName) throws IOException {
        String diagram = new ClassPathResource("bpmn/patron-enquiry.bpmn").getContentAsString(StandardCharsets.UTF_8)
                .replace("name=\"Patron enquiry\"", "name=\"" + processName + "\"");
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "patron-enquiry");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("enable-duplicate-filtering", "true");
        parts.add("patron-enquiry.bpmn", new ByteArrayResource(diagram.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "patron-enquiry.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    private ProcessDefinition latestEnquiryDefinition() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("patron-enquiry").latestVersion().singleResult();
    }
}
