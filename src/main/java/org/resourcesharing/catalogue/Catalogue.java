package org.resourcesharing.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.resourcesharing.catalogue.CatalogueRecord.Availability;
import org.resourcesharing.catalogue.CatalogueRecord.Item;

/**
 * The catalogue lookups the workflows make, whichever catalogue serves each role (configuration:
 * {@code resource-sharing.catalogue.local} and {@code .union}):
 * <ul>
 * <li>borrowing: does the library already hold it ({@link #localHoldings}), and who else does
 * ({@link #holdingAgencies});</li>
 * <li>lending: is our copy on the shelf and lendable ({@link #availabilityForLending}).</li>
 * </ul>
 * A catalogue that cannot answer throws {@link CatalogueUnavailableException}: a process retries
 * it and shows an incident; it never concludes "not held".
 */
public class Catalogue {

    /** What one agency holds of the item. */
    public record HoldingAgency(String agencyId, int copies, int lendable, int inLibraryUse, int onLoan, LocalDate nextDueDate) {
    }

    /** Whether the agency can lend the item now. */
    public enum LendingStatus {
        NOT_HELD, ON_SHELF, IN_LIBRARY_USE_ONLY, ON_LOAN
    }

    /**
     * @param location   and {@code callNumber}: where to find the copy to pull, when on the shelf
     * @param dueDate    the earliest due date, when every copy is on loan
     */
    public record LendingAvailability(LendingStatus status, String recordId, String title, String location, String callNumber,
            LocalDate dueDate, Integer publicationYear, CatalogueRecord.MaterialType materialType) {
    }

    private final CatalogueSource local;
    private final CatalogueSource union;
    private final Supplier<Set<String>> ownAgencies;

    /** @param ownAgencies the library's own agency ids, asked at every lookup so directory changes apply at once */
    public Catalogue(CatalogueSource local, CatalogueSource union, Supplier<Set<String>> ownAgencies) {
        this.local = local;
        this.union = union;
        this.ownAgencies = ownAgencies;
    }

    /** The records of the item with only our own agencies' copies; empty when the library does not hold it. */
    public List<CatalogueRecord> localHoldings(CatalogueQuery query) {
        Set<String> own = ownAgencies.get();
        return local.search(query).stream()
                .map(record -> withItems(record, record.items().stream().filter(item -> own.contains(item.agencyId())).toList()))
                .filter(record -> !record.items().isEmpty())
                .toList();
    }

    /** Every agency the union catalogue lists with a copy, the most copies available first. */
    public List<HoldingAgency> holdingAgencies(CatalogueQuery query) {
        Map<String, List<Item>> byAgency = new LinkedHashMap<>();
        for (CatalogueRecord record : union.search(query)) {
            for (Item item : record.items()) {
                byAgency.computeIfAbsent(item.agencyId(), agency -> new ArrayList<>()).add(item);
            }
        }
        return byAgency.entrySet().stream()
                .map(entry -> holding(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingInt(HoldingAgency::lendable).reversed().thenComparing(HoldingAgency::agencyId))
                .toList();
    }

    /**
     * Whether {@code agencyId} (one of ours) can lend the item now: on the shelf if any copy is
     * lendable; otherwise in-library use only (reference, reserves, special collections), or on
     * loan (with the earliest due date), or not held.
     */
    public LendingAvailability availabilityForLending(CatalogueQuery query, String agencyId) {
        for (CatalogueRecord record : local.search(query)) {
            List<Item> ours = record.items().stream().filter(item -> item.agencyId().equals(agencyId)).toList();
            if (ours.isEmpty()) {
                continue;
            }
            Item onShelf = ours.stream().filter(item -> item.availability() == Availability.ON_SHELF).findFirst().orElse(null);
            if (onShelf != null) {
                return availability(LendingStatus.ON_SHELF, record, onShelf, null);
            }
            Item inLibrary = ours.stream().filter(item -> item.availability() == Availability.IN_LIBRARY_USE).findFirst().orElse(null);
            if (inLibrary != null) {
                return availability(LendingStatus.IN_LIBRARY_USE_ONLY, record, inLibrary, null);
            }
            LocalDate due = ours.stream().map(Item::dueDate).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
            return availability(LendingStatus.ON_LOAN, record, ours.get(0), due);
        }
        return new LendingAvailability(LendingStatus.NOT_HELD, null, null, null, null, null, null, null);
    }

    private static LendingAvailability availability(LendingStatus status, CatalogueRecord record, Item item, LocalDate due) {
        return new LendingAvailability(status, record.recordId(), record.title(), item.location(), item.callNumber(), due,
                record.publicationYear(), record.materialType());
    }

    private static HoldingAgency holding(String agencyId, List<Item> items) {
        int lendable = (int) items.stream().filter(item -> item.availability().lendable).count();
        int inLibrary = (int) items.stream().filter(item -> item.availability() == Availability.IN_LIBRARY_USE).count();
        int onLoan = (int) items.stream().filter(item -> item.availability() == Availability.ON_LOAN).count();
        LocalDate nextDue = items.stream().map(Item::dueDate).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        return new HoldingAgency(agencyId, items.size(), lendable, inLibrary, onLoan, nextDue);
    }

    private static CatalogueRecord withItems(CatalogueRecord record, List<Item> items) {
        return new CatalogueRecord(record.recordId(), record.title(), record.author(), record.publicationYear(), record.materialType(),
                record.isbns(), record.issns(), record.oclcNumbers(), record.dois(), items);
    }
}
