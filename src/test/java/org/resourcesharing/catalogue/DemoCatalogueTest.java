package org.resourcesharing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DemoCatalogueTest {

    private final TestCatalogues.Imported imported = TestCatalogues.newImported();
    private final DemoCatalogue demo = new DemoCatalogue(imported.catalogue(),
            new CatalogueProperties("imported", "imported", new CatalogueProperties.Imported(HoldingsMapping.koha(), "catalogue/sample-catalogue.mrc"), Map.of()));

    @Test
    void theFirstStartImportsTheSampleAndLaterStartsKeepWhatIsThere() {
        demo.afterSingletonsInstantiated();
        long sample = imported.catalogue().size();
        assertThat(sample).as("the sample's records").isGreaterThan(300);
        String someRecord = imported.jdbc().sql("select min(record_id) from catalogue_record").query(String.class).single();
        imported.jdbc().sql("update catalogue_record set title = 'Changed since' where record_id = ?").param(someRecord).update();

        demo.afterSingletonsInstantiated();

        assertThat(imported.catalogue().size()).isEqualTo(sample);
        assertThat(imported.jdbc().sql("select title from catalogue_record where record_id = ?").param(someRecord).query(String.class).single())
                .as("not imported again").isEqualTo("Changed since");
    }
}
