package org.resourcesharing.platform;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** One demo user per group, so that a new library can try every role; never in production. */
@Component
@Profile("demo & !prod")
class DemoUsers {

    private final Properties properties;

    DemoUsers(Properties properties) {
        this.properties = properties;
    }

    void create(IdentityService identityService) {
        for (Properties.DemoUser demoUser : properties.users()) {
            if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
                User user = identityService.newUser(demoUser.id());
                user.setFirstName(demoUser.firstName());
                user.setLastName(demoUser.lastName());
                user.setEmail(demoUser.email());
                user.setPassword(demoUser.password());
                identityService.saveUser(user);
            }
            for (String group : demoUser.groups()) {
                if (identityService.createUserQuery().userId(demoUser.id()).memberOfGroup(group).count() == 0) {
                    identityService.createMembership(demoUser.id(), group);
                }
            }
        }
    }

    @ConfigurationProperties("resource-sharing.demo")
    record Properties(@DefaultValue List<DemoUser> users) {

        record DemoUser(String id, String firstName, String lastName, String email, String password,
                @DefaultValue List<String> groups) {
        }
    }
}
