package org.resourcesharing.reports;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.authorization.Groups;
import org.resourcesharing.platform.IdentityProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who looks at the reports, by their Camunda groups: managers and administrators see every figure; staff see the
 * processes their group works on (resource-sharing.identity.staff-groups), interlibrary loan staff the lenders,
 * and each other measure the groups configured for it.
 */
record Viewer(Set<String> groups, boolean seesAll, Set<String> processes, boolean resourceSharing) {

    static Viewer of(Authentication authentication, IdentityProperties identity) {
        Set<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(role -> role.startsWith("ROLE_")).map(role -> role.substring(5)).collect(Collectors.toSet());
        return of(groups, identity);
    }

    static Viewer of(Set<String> groups, IdentityProperties identity) {
        boolean all = groups.contains(identity.managersGroup()) || groups.contains(Groups.CAMUNDA_ADMIN);
        Set<String> processes = identity.staffGroups().stream().filter(group -> groups.contains(group.id()))
                .flatMap(group -> group.processes().stream()).collect(Collectors.toSet());
        boolean resourceSharing = all || identity.resourceSharingGroups().stream().anyMatch(groups::contains);
        return new Viewer(Set.copyOf(groups), all, processes, resourceSharing);
    }

    boolean sees(String processKey) {
        return seesAll || processes.contains(processKey);
    }

    boolean inAny(Collection<String> allowed) {
        return seesAll || allowed.stream().anyMatch(groups::contains);
    }

    <T> List<T> visible(List<T> processes, Function<T, String> key) {
        return processes.stream().filter(process -> sees(key.apply(process))).toList();
    }
}
