package org.resourcesharing.copyright.permission;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes, once a night, decisions older than the retention period (three years by default), and the course
 * copies stored as long ago. Running it twice deletes nothing twice.
 */
@Component
class DecisionLogPurge {

    private static final Logger log = LoggerFactory.getLogger(DecisionLogPurge.class);

    private final CopyrightDecisions decisions;
    private final CourseCopies copies;
    private final PermissionProperties properties;
    private final Clock clock;

    DecisionLogPurge(CopyrightDecisions decisions, CourseCopies copies, PermissionProperties properties) {
        this.decisions = decisions;
        this.copies = copies;
        this.properties = properties;
        this.clock = Clock.system(properties.zone());
    }

    @Scheduled(cron = "${resource-sharing.copyright-permission.purge-cron:0 30 3 * * *}",
            zone = "${resource-sharing.copyright-permission.zone:America/Toronto}")
    void purge() {
        Instant cutoff = ZonedDateTime.now(clock).minus(properties.decisionRetention()).toInstant();
        int deleted = decisions.deleteDecidedBefore(cutoff);
        int copiesDeleted = copies.deleteStoredBefore(cutoff);
        log.info("Copyright decision log: {} decisions and {} course copies past the retention period of {} deleted", deleted, copiesDeleted,
                properties.decisionRetention());
    }
}
