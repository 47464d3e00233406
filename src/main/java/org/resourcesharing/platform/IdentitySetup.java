package org.resourcesharing.platform;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Groups, their authorizations, the Tasklist filters and (demo only) the demo users, in that order, at every start. */
@Component
class IdentitySetup implements SmartInitializingSingleton {

    private final IdentityService identityService;
    private final StaffAuthorizations staffAuthorizations;
    private final TasklistFilters tasklistFilters;
    private final ObjectProvider<DemoUsers> demoUsers;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService, IdentityProperties properties,
            ObjectProvider<DemoUsers> demoUsers) {
        this.identityService = identityService;
        this.staffAuthorizations = new StaffAuthorizations(identityService, authorizationService, properties);
        this.tasklistFilters = new TasklistFilters(filterService, taskService);
        this.demoUsers = demoUsers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        staffAuthorizations.apply();
        tasklistFilters.ensure();
        demoUsers.ifAvailable(users -> users.create(identityService));
    }
}
