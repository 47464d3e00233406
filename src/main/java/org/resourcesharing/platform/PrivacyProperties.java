package org.resourcesharing.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the personal data of a finished process is kept, and where it is (README "Retention and
 * privacy"). A feature adds its processes here, and its tables as a {@link PersonalDataStore} bean.
 *
 * @param keepFor   how long after a process ends its personal data is kept (FIPPA Reg. 460 s.5: at least a year unless the
 *                  person consents to less; Trent's schedule: a month; the library decides, see the README)
 * @param eraseCron when the erasure runs (seconds minutes hours day month weekday, in {@code zone})
 * @param zone      the time zone of {@code eraseCron}
 * @param batchSize how many finished processes one transaction-sized step looks at
 * @param processes by process definition key: the variables that hold a person's data
 */
@ConfigurationProperties("resource-sharing.privacy")
public record PrivacyProperties(
        @DefaultValue("P365D") Duration keepFor,
        @DefaultValue("0 30 0 * * *") String eraseCron,
        @DefaultValue("America/Toronto") String zone,
        @DefaultValue("200") int batchSize,
        @DefaultValue Map<String, ProcessPersonalData> processes) {

    /**
     * @param variables names of the variables holding a person's data (name, email, id, address, their notes and messages);
     *                  every other text variable of the process that contains one of their values goes too
     * @param keepFor   this process's own period, when it differs from the general one
     */
    public record ProcessPersonalData(@DefaultValue List<String> variables, Duration keepFor) {
    }

    Duration keepFor(String processDefinitionKey) {
        ProcessPersonalData process = processes.get(processDefinitionKey);
        return process == null || process.keepFor() == null ? keepFor : process.keepFor();
    }
}
