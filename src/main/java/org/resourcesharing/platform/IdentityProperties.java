package org.resourcesharing.platform;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staff groups and which processes each works on. Data, not code: a library adds a process to
 * a group, or renames a group's display name, in configuration.
 *
 * @param staffGroups   the groups that claim and complete tasks, each with the process definition keys it works on
 * @param managersGroup the group that deploys diagrams and decision tables and reads everything
 * @param resourceSharingGroups the groups whose duties need interlibrary loan records (patron data,
 *                      partner messages); no other staff group sees them
 */
@ConfigurationProperties("resource-sharing.identity")
public record IdentityProperties(
        @DefaultValue List<StaffGroup> staffGroups,
        @DefaultValue("managers") String managersGroup,
        @DefaultValue({"ill-borrowing", "ill-lending"}) List<String> resourceSharingGroups) {

    /**
     * @param id        Camunda group id, used as candidate group in the diagrams
     * @param name      the name staff see in Admin
     * @param processes process definition keys this group may start, see and work on
     * @param worksEveryTaskOf the keys among {@code processes} in which every user task is this group's (its
     *                  candidate group): the group may see and work all tasks of these processes, granted
     *                  once on the process definition instead of once per task
     */
    public record StaffGroup(String id, String name, @DefaultValue List<String> processes,
            @DefaultValue List<String> worksEveryTaskOf) {

        public StaffGroup {
            List<String> notItsProcesses = worksEveryTaskOf.stream().filter(key -> !processes.contains(key)).toList();
            if (!notItsProcesses.isEmpty()) {
                throw new IllegalArgumentException("Staff group " + id + " works every task of " + notItsProcesses
                        + ", which are not among its processes " + processes);
            }
        }
    }
}
