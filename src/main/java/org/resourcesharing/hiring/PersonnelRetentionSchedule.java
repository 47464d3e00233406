package org.resourcesharing.hiring;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Once a night (resource-sharing.hiring.purge-cron): hiring records past their retention are deleted or anonymised. */
@Component
class PersonnelRetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(PersonnelRetentionSchedule.class);

    private final PersonnelRetention retention;
    private final HiringProperties properties;

    PersonnelRetentionSchedule(PersonnelRetention retention, HiringProperties properties) {
        this.retention = retention;
        this.properties = properties;
    }

    @Scheduled(cron = "${resource-sharing.hiring.purge-cron}", zone = "${resource-sharing.hiring.zone}")
    void purge() {
        PersonnelRetention.Purged purged = retention.purge(LocalDate.now(properties.zone()));
        log.info("Hiring records past retention: {} personnel file items deleted, {} students and {} applications anonymised",
                purged.personnelItemsDeleted(), purged.studentsAnonymised(), purged.applicationsAnonymised());
    }
}
