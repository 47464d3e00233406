package org.resourcesharing.catalogue;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which catalogue serves which role, and how to reach and read each.
 *
 * @param local    the library's own catalogue (holdings, lending availability): {@code imported} or an SRU name
 * @param union    the union catalogue listing partners' holdings: {@code imported} or an SRU name
 * @param imported how copies are read from imported MARC exports
 * @param sru      SRU catalogues by name
 */
@ConfigurationProperties("resource-sharing.catalogue")
record CatalogueProperties(
        @DefaultValue("imported") String local,
        @DefaultValue("imported") String union,
        @DefaultValue Imported imported,
        @DefaultValue Map<String, SruCatalogue.Settings> sru) {

    static final String IMPORTED = "imported";

    /**
     * @param holdings     where the exports keep their copies (Koha's 952 by default)
     * @param demoSample   the sample catalogue the demo imports at start (classpath resource)
     */
    record Imported(@DefaultValue HoldingsMapping holdings, @DefaultValue("catalogue/sample-catalogue.mrc") String demoSample) {
    }
}
