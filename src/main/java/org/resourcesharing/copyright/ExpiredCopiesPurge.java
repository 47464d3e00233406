package org.resourcesharing.copyright;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes, once a night, what the copyright rules no longer allow us to keep. Each node of a cluster
 * runs it; running it twice at once deletes nothing twice.
 */
@Component
class ExpiredCopiesPurge {

    private static final Logger log = LoggerFactory.getLogger(ExpiredCopiesPurge.class);

    private final CopyDeliveries deliveries;

    ExpiredCopiesPurge(CopyDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Scheduled(cron = "${resource-sharing.copies.purge-cron}", zone = "${resource-sharing.copies.zone}")
    void purge() {
        CopyDeliveries.Purged purged = deliveries.purge();
        log.info("Copies purged: {} files of expired or unopened copies, {} records past retention", purged.filesDeleted(),
                purged.recordsDeleted());
    }
}
