package org.resourcesharing.platform;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.UPDATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.UPDATE_TASK;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.Arrays;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;

/**
 * Creates the staff and manager groups and grants them what their work needs; never takes a
 * permission away, so what an administrator granted in Admin survives a restart.
 *
 * <p>Staff get no general task permission: they see and work only their own group's tasks. In a
 * process whose every user task is the group's ({@code works-every-task-of}) the group may read and
 * update all tasks of the process definition, and the engine writes no authorization per task for it
 * ({@link ProcessWideTaskAuthorizationProvider}); elsewhere the engine grants a group each task whose
 * candidate group it is. Staff may start, read and update instances of their group's processes only.
 */
final class StaffAuthorizations {

    static final String GROUP_TYPE_WORKFLOW = "WORKFLOW";
    private static final String ANY = Authorization.ANY;

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final IdentityProperties properties;

    StaffAuthorizations(IdentityService identityService, AuthorizationService authorizationService,
            IdentityProperties properties) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.properties = properties;
    }

    void apply() {
        for (IdentityProperties.StaffGroup group : properties.staffGroups()) {
            ensureGroup(group.id(), group.name());
            grant(group.id(), APPLICATION, "tasklist", ACCESS);
            grant(group.id(), FILTER, ANY, READ);
            grant(group.id(), PROCESS_INSTANCE, ANY, CREATE);
            for (String processKey : group.processes()) {
                grant(group.id(), PROCESS_DEFINITION, processKey,
                        READ, CREATE_INSTANCE, READ_INSTANCE, UPDATE_INSTANCE, READ_HISTORY);
            }
            for (String processKey : group.worksEveryTaskOf()) {
                grant(group.id(), PROCESS_DEFINITION, processKey, READ_TASK, UPDATE_TASK);
            }
        }
        String managers = properties.managersGroup();
        ensureGroup(managers, "Managers");
        grant(managers, APPLICATION, "tasklist", ACCESS);
        grant(managers, APPLICATION, "cockpit", ACCESS);
        grant(managers, FILTER, ANY, READ);
        grant(managers, DEPLOYMENT, ANY, ALL);
        grant(managers, PROCESS_DEFINITION, ANY, ALL);
        grant(managers, DECISION_DEFINITION, ANY, ALL);
        grant(managers, DECISION_REQUIREMENTS_DEFINITION, ANY, ALL);
        grant(managers, PROCESS_INSTANCE, ANY, READ);
        grant(managers, TASK, ANY, READ);
        grant(managers, HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        grant(managers, HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(GROUP_TYPE_WORKFLOW);
            identityService.saveGroup(group);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
            return;
        }
        Arrays.stream(permissions).forEach(authorization::addPermission);
        authorizationService.saveAuthorization(authorization);
    }
}
