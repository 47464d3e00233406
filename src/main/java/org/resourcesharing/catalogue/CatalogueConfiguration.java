package org.resourcesharing.catalogue;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.resourcesharing.iso18626.Partner;
import org.resourcesharing.iso18626.PartnerDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

    @Bean
    ImportedCatalogue importedCatalogue(JdbcClient jdbc, TransactionTemplate transactions, CatalogueProperties properties) {
        return new ImportedCatalogue(jdbc, transactions, properties.imported().holdings());
    }

    @Bean
    Catalogue catalogue(ImportedCatalogue imported, CatalogueProperties properties, PartnerDirectory partners) {
        Map<String, CatalogueSource> sources = new HashMap<>();
        sources.put(CatalogueProperties.IMPORTED, imported);
        properties.sru().forEach((name, settings) -> {
            if (settings.baseUrl() == null) {
                throw new IllegalStateException("resource-sharing.catalogue.sru." + name + ".base-url is missing");
            }
            sources.put(name, new SruCatalogue(name, settings));
        });
        return new Catalogue(source(sources, "local", properties.local()), source(sources, "union", properties.union()),
                () -> partners.ownAgencies().stream().map(Partner::agencyId).collect(Collectors.toSet()));
    }

    private static CatalogueSource source(Map<String, CatalogueSource> sources, String role, String name) {
        CatalogueSource source = sources.get(name);
        if (source == null) {
            throw new IllegalStateException("resource-sharing.catalogue." + role + " is '" + name + "', which is neither '"
                    + CatalogueProperties.IMPORTED + "' nor a catalogue under resource-sharing.catalogue.sru: " + sources.keySet());
        }
        return source;
    }
}
