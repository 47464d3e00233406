package org.resourcesharing.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Imports the sample catalogue that ships with the project at the demo's first start. Later starts keep what is there:
 * importing the 300-odd records again, each in its own transaction, was a tenth of a restart.
 */
@Component
@Profile("demo & !prod")
class DemoCatalogue implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    private final ImportedCatalogue catalogue;
    private final CatalogueProperties properties;

    DemoCatalogue(ImportedCatalogue catalogue, CatalogueProperties properties) {
        this.catalogue = catalogue;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long kept = catalogue.size();
        if (kept > 0) {
            log.info("Demo catalogue: {} records kept from an earlier start", kept);
            return;
        }
        try (InputStream sample = new ClassPathResource(properties.imported().demoSample()).getInputStream()) {
            ImportedCatalogue.ImportSummary summary = catalogue.importMarc(sample);
            log.info("Demo catalogue: {} records new, {} updated, {} rejected", summary.created(), summary.updated(), summary.rejected());
        } catch (IOException e) {
            throw new UncheckedIOException("The demo's sample catalogue is missing: " + properties.imported().demoSample(), e);
        }
    }
}
