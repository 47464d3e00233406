package org.resourcesharing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.Record;
import org.resourcesharing.catalogue.Catalogue.HoldingAgency;
import org.resourcesharing.catalogue.Catalogue.LendingAvailability;
import org.resourcesharing.catalogue.Catalogue.LendingStatus;

/** The lookups the workflows make, on copies whose whereabouts the test sets. */
class CatalogueTest {

    private static final String BATA = "ISIL:CA-OPETB";
    private static final String DURHAM = "ISIL:CA-OODT";
    private static Catalogue catalogue;
    private static final CatalogueQuery TWO_SOLITUDES = CatalogueQuery.of("9781551999012", null, null, null, null, null);
    private static final CatalogueQuery ANNE = CatalogueQuery.of(null, null, null, null, "Anne of Green Gables", "Montgomery");

    @BeforeAll
    static void catalogueWithKnownCopies() {
        TestCatalogues.Imported imported = TestCatalogues.newImported();
        Record anne = TestMarcRecords.book("test-900002", "9781551999029", "Montgomery, L. M.", "Anne of Green Gables /", "1908");
        anne.addVariableField(TestMarcRecords.item("CA-OPETB", "RESERVES", "PS8526.O55 A6", "39002001", "BOOK", "0", null));
        anne.addVariableField(TestMarcRecords.item("CA-OODT", "STACKS", "PS8526.O55 A6 c.2", "39002002", "BOOK", "0", "2026-11-30"));
        anne.addVariableField(TestMarcRecords.item("CA-OODT", "STACKS", "PS8526.O55 A6 c.3", "39002003", "BOOK", "0", "2026-12-20"));
        imported.importRecords(TestMarcRecords.twoSolitudes(), anne);
        catalogue = new Catalogue(imported.catalogue(), imported.catalogue(), () -> Set.of(BATA, DURHAM));
    }

    @Test
    void aCopyOnTheShelfCanBeLentWithWhereToFindIt() {
        LendingAvailability availability = catalogue.availabilityForLending(TWO_SOLITUDES, BATA);

        assertThat(availability.status()).isEqualTo(LendingStatus.ON_SHELF);
        assertThat(availability.callNumber()).isEqualTo("PS8525.L3 T8 1945");
        assertThat(availability.location()).isEqualTo("STACKS");
        assertThat(availability.publicationYear()).isEqualTo(1945);
    }

    @Test
    void aCopyOnLoanIsNotAvailableAndTellsWhenItIsDue() {
        LendingAvailability availability = catalogue.availabilityForLending(TWO_SOLITUDES, DURHAM);

        assertThat(availability.status()).isEqualTo(LendingStatus.ON_LOAN);
        assertThat(availability.dueDate()).isEqualTo(LocalDate.of(2026, 12, 14));
    }

    @Test
    void referenceAndReservesCountAsAvailableInTheLibraryOnly() {
        assertThat(catalogue.availabilityForLending(ANNE, BATA).status()).isEqualTo(LendingStatus.IN_LIBRARY_USE_ONLY);
        assertThat(catalogue.availabilityForLending(TWO_SOLITUDES, "ISIL:CA-OKQ").status()).isEqualTo(LendingStatus.IN_LIBRARY_USE_ONLY);
    }

    @Test
    void everyCopyOnLoanGivesTheEarliestDueDate() {
        LendingAvailability availability = catalogue.availabilityForLending(ANNE, DURHAM);

        assertThat(availability.status()).isEqualTo(LendingStatus.ON_LOAN);
        assertThat(availability.dueDate()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void anItemTheAgencyDoesNotHoldIsNotHeld() {
        assertThat(catalogue.availabilityForLending(TWO_SOLITUDES, "ISIL:CA-QMM").status()).isEqualTo(LendingStatus.NOT_HELD);
        assertThat(catalogue.availabilityForLending(CatalogueQuery.of("9780306406157", null, null, null, null, null), BATA).status())
                .isEqualTo(LendingStatus.NOT_HELD);
    }

    @Test
    void localHoldingsShowOnlyOurOwnAgenciesCopies() {
        assertThat(catalogue.localHoldings(TWO_SOLITUDES).get(0).items()).extracting(CatalogueRecord.Item::agencyId)
                .containsExactly(BATA, DURHAM);
        assertThat(catalogue.localHoldings(CatalogueQuery.of("9780306406157", null, null, null, null, null))).isEmpty();
    }

    @Test
    void theUnionCatalogueListsEveryHoldingAgencyMostLendableFirst() {
        assertThat(catalogue.holdingAgencies(TWO_SOLITUDES))
                .extracting(HoldingAgency::agencyId, HoldingAgency::lendable, HoldingAgency::inLibraryUse, HoldingAgency::onLoan)
                .containsExactly(tuple(BATA, 1, 0, 0), tuple("ISIL:CA-OKQ", 0, 1, 0), tuple(DURHAM, 0, 0, 1));
    }
}
