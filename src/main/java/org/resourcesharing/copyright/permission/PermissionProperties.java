package org.resourcesharing.copyright.permission;

import java.nio.file.Path;
import java.time.Period;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The copyright permission workflow's periods.
 *
 * @param reminderAfter     a rights holder who has not answered is reminded this long after our request
 * @param followUpAfter     after this long without an answer the copyright team follows up by hand
 * @param decisionRetention how long the decision log keeps a decision (SOR/99-325 s.4: three years)
 * @param zone              the library's time zone: its calendar year decides whether a work is in the public domain
 * @param purgeCron         when decisions past retention are deleted (with the course copies stored as long ago)
 * @param copiesDirectory   where the PDFs uploaded on the Digitize and post page are kept (shared by every node of a cluster)
 * @param publicBaseUrl     the address instructors reach this application at: their download links start with it
 */
@ConfigurationProperties("resource-sharing.copyright-permission")
record PermissionProperties(
        @DefaultValue("P14D") Period reminderAfter,
        @DefaultValue("P30D") Period followUpAfter,
        @DefaultValue("P3Y") Period decisionRetention,
        @DefaultValue("America/Toronto") ZoneId zone,
        @DefaultValue("0 30 3 * * *") String purgeCron,
        @DefaultValue("./data/course-copies") Path copiesDirectory,
        String publicBaseUrl) {
}
