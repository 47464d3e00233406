package org.resourcesharing.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.ResourceAuthorizationProvider;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resourcesharing.platform.IdentityProperties.StaffGroup;
import org.resourcesharing.testsupport.TestProcessEngine;

@Deployment(resources = "bpmn/patron-enquiry.bpmn")
class StaffAuthorizationsTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    /** Signs out before the engine extension deletes the test's deployment, which staff may not do. */
    @RegisterExtension
    final AfterTestExecutionCallback signOut = context -> engine.getIdentityService().clearAuthentication();

    /** Borrowing staff work every task of patron-enquiry, but not of shelf-check (a test process). */
    private static final IdentityProperties PROPERTIES = new IdentityProperties(List.of(
            new StaffGroup("ill-borrowing", "Interlibrary loan - borrowing", List.of("patron-enquiry", "shelf-check"),
                    List.of("patron-enquiry")),
            new StaffGroup("ill-lending", "Interlibrary loan - lending", List.of("lending"), List.of("lending"))), "managers",
            List.of("ill-borrowing", "ill-lending"));
    private static final Map<String, String> GROUP_OF_USER = Map.of("bella", "ill-borrowing", "leo", "ill-lending", "max", "managers");

    private IdentityService identityService;
    private AuthorizationService authorizationService;
    private TaskService taskService;
    private RuntimeService runtimeService;
    private ResourceAuthorizationProvider defaultProvider;
    private String shelfCheckDeploymentId;

    @BeforeEach
    void setUp() {
        identityService = engine.getIdentityService();
        authorizationService = engine.getAuthorizationService();
        taskService = engine.getTaskService();
        runtimeService = engine.getRuntimeService();
        // the engine is shared with other tests: the application's provider only for these, as the plugin installs it
        ProcessEngineConfigurationImpl configuration = engine.getProcessEngineConfiguration();
        defaultProvider = configuration.getResourceAuthorizationProvider();
        new TaskAuthorizationPlugin(PROPERTIES).preInit(configuration);
        new StaffAuthorizations(identityService, authorizationService, PROPERTIES).apply();
        GROUP_OF_USER.forEach((userId, groupId) -> {
            User user = identityService.newUser(userId);
            user.setPassword("secret");
            identityService.saveUser(user);
            identityService.createMembership(userId, groupId);
        });
    }

    /** After set-up: the extension deploys {@code @Deployment} resources just before each test method. */
    private ProcessInstance startEnquiry() {
        return runtimeService.startProcessInstanceByKey("patron-enquiry", "ENQ-1",
                Map.of("patronName", "Ada Reader", "patronEmail", "ada@example.edu", "question", "Can I renew my loan?"));
    }

    /** A process borrowing staff work on without working every task of it: its tasks are granted one by one. */
    private ProcessInstance startShelfCheck() {
        BpmnModelInstance shelfCheck = Bpmn.createExecutableProcess("shelf-check").name("Shelf check").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_CheckShelf").name("Check the shelf").camundaCandidateGroups("ill-borrowing")
                .endEvent().done();
        shelfCheckDeploymentId = engine.getRepositoryService().createDeployment().addModelInstance("shelf-check.bpmn", shelfCheck)
                .deploy().getId();
        return runtimeService.startProcessInstanceByKey("shelf-check", "SHELF-1");
    }

    @AfterEach
    void tearDown() {
        engine.getProcessEngineConfiguration().setResourceAuthorizationProvider(defaultProvider);
        if (shelfCheckDeploymentId != null) {
            engine.getRepositoryService().deleteDeployment(shelfCheckDeploymentId, true);
        }
        authorizationService.createAuthorizationQuery().groupIdIn(GROUP_OF_USER.values().toArray(String[]::new)).list()
                .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
        GROUP_OF_USER.keySet().forEach(identityService::deleteUser);
        GROUP_OF_USER.values().forEach(identityService::deleteGroup);
    }

    @Test
    void lendingStaffNeitherSeeNorWorkABorrowingTask() {
        ProcessInstance enquiry = startEnquiry();
        Task task = taskService.createTaskQuery().processInstanceId(enquiry.getId()).singleResult();
        assertThat(groupAuthorizationsOf(task)).isEmpty();

        authenticate("leo");

        assertThat(taskService.createTaskQuery().list()).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().list()).isEmpty();
        assertThatThrownBy(() -> taskService.claim(task.getId(), "leo")).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("answer", "Yes")))
                .isInstanceOf(AuthorizationException.class);
        identityService.clearAuthentication();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void borrowingStaffSeeClaimAndCompleteTheirGroupsTaskThroughTheGrantOnItsProcessAlone() {
        ProcessInstance enquiry = startEnquiry();
        assertThat(groupAuthorizationsOf(taskService.createTaskQuery().processInstanceId(enquiry.getId()).singleResult())).isEmpty();
        authenticate("bella");

        Task task = taskService.createTaskQuery().taskCandidateGroup("ill-borrowing").singleResult();
        assertThat(task.getName()).isEqualTo("Answer patron enquiry");
        assertThat(runtimeService.createProcessInstanceQuery().list()).extracting(ProcessInstance::getId).containsExactly(enquiry.getId());
        taskService.claim(task.getId(), "bella");
        taskService.complete(task.getId(), Map.of("answer", "Yes, for two more weeks", "answeredBy", "email"));

        identityService.clearAuthentication();
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).finished().singleResult()
                .getAssignee()).isEqualTo("bella");
    }

    @Test
    void aTaskOfAProcessTheGroupDoesNotWorkWhollyIsGrantedToItsCandidateGroupAlone() {
        ProcessInstance shelfCheck = startShelfCheck();
        Task task = taskService.createTaskQuery().processInstanceId(shelfCheck.getId()).singleResult();
        assertThat(groupAuthorizationsOf(task)).containsExactly("ill-borrowing");

        authenticate("leo");
        assertThat(taskService.createTaskQuery().list()).isEmpty();
        assertThatThrownBy(() -> taskService.claim(task.getId(), "leo")).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.complete(task.getId())).isInstanceOf(AuthorizationException.class);

        authenticate("bella");
        assertThat(taskService.createTaskQuery().list()).extracting(Task::getId).containsExactly(task.getId());
        taskService.claim(task.getId(), "bella");
        taskService.complete(task.getId());

        identityService.clearAuthentication();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(shelfCheck.getId())
                .completed().count()).isOne();
    }

    @Test
    void aTaskAssignedToSomeoneOutsideItsGroupIsTheirsToSeeAndWork() {
        ProcessInstance enquiry = startEnquiry();
        Task task = taskService.createTaskQuery().processInstanceId(enquiry.getId()).singleResult();
        taskService.setAssignee(task.getId(), "leo");

        authenticate("leo");
        assertThat(taskService.createTaskQuery().taskAssignee("leo").list()).extracting(Task::getId).containsExactly(task.getId());
        taskService.complete(task.getId(), Map.of("answer", "Yes, for two more weeks", "answeredBy", "email"));

        identityService.clearAuthentication();
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).finished().singleResult()
                .getAssignee()).isEqualTo("leo");
    }

    @Test
    void borrowingStaffMayStartTheirProcessesButNotDeploy() {
        authenticate("bella");

        assertThat(runtimeService.startProcessInstanceByKey("patron-enquiry").getProcessDefinitionId()).isNotNull();
        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment()
                .addClasspathResource("bpmn/patron-enquiry.bpmn").deploy())
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void managersReadEveryTaskAndInstanceAndDeploy() {
        ProcessInstance enquiry = startEnquiry();
        authenticate("max");

        assertThat(taskService.createTaskQuery().processInstanceId(enquiry.getId()).count()).isOne();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(enquiry.getId()).count()).isOne();
        RepositoryService repositoryService = engine.getRepositoryService();
        String deploymentId = repositoryService.createDeployment().name("from-modeler")
                .addClasspathResource("bpmn/patron-enquiry.bpmn").deploy().getId();
        identityService.clearAuthentication();
        repositoryService.deleteDeployment(deploymentId, true);
    }

    @Test
    void aGroupWorksEveryTaskOnlyOfItsOwnProcesses() {
        assertThatThrownBy(() -> new StaffGroup("ill-lending", "Interlibrary loan - lending", List.of("lending"), List.of("borrowing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[borrowing]");
    }

    @Test
    void applyingAgainChangesNothing() {
        ProcessInstance enquiry = startEnquiry();
        long authorizations = authorizationService.createAuthorizationQuery().count();

        new StaffAuthorizations(identityService, authorizationService, PROPERTIES).apply();

        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    }

    /** The groups the engine granted the task to one by one (read unauthenticated, as staff may not read authorizations). */
    private List<String> groupAuthorizationsOf(Task task) {
        return authorizationService.createAuthorizationQuery().resourceType(TASK).resourceId(task.getId()).list().stream()
                .map(Authorization::getGroupId).filter(Objects::nonNull).toList();
    }

    private void authenticate(String userId) {
        identityService.setAuthentication(userId, List.of(GROUP_OF_USER.get(userId)));
    }
}
