package org.resourcesharing.copyright;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where digital copies are kept and how long they may be used.
 *
 * @param directory       where the files are stored (shared by every node of a cluster)
 * @param publicBaseUrl   the address borrowers reach this application at; download links start with it
 * @param zone            the library's time zone: a business day ends at midnight there
 * @param holidays        days that are not business days besides weekends
 * @param unopenedExpiry  how long a copy nobody has opened is kept before its file is deleted
 * @param recordRetention how long the record of a copy (not the file) is kept after it was stored
 */
@ConfigurationProperties("resource-sharing.copies")
record CopiesProperties(
        @DefaultValue("./data/copies") Path directory,
        String publicBaseUrl,
        @DefaultValue("America/Toronto") ZoneId zone,
        @DefaultValue List<LocalDate> holidays,
        @DefaultValue("P30D") Period unopenedExpiry,
        @DefaultValue("P3Y") Period recordRetention) {
}
