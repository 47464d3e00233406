package org.resourcesharing.catalogue;

import java.time.LocalDate;
import java.util.List;

/**
 * A bibliographic record with its copies, as any catalogue (imported or over SRU) gives it.
 *
 * @param isbns ISBN-13s; {@code issns}, {@code oclcNumbers}, {@code dois} normalised likewise
 */
public record CatalogueRecord(String recordId, String title, String author, Integer publicationYear, MaterialType materialType,
        List<String> isbns, List<String> issns, List<String> oclcNumbers, List<String> dois, List<Item> items) {

    public enum MaterialType {
        BOOK, SERIAL, ELECTRONIC, OTHER
    }

    /** Where a copy is and whether it can go out. */
    public enum Availability {
        /** On the shelf and lendable. */
        ON_SHELF(true, true),
        /** Here, but for use in the library only: reference, reserves, special collections. */
        IN_LIBRARY_USE(false, true),
        /** Checked out. */
        ON_LOAN(false, false);

        public final boolean lendable;
        public final boolean availableInLibrary;

        Availability(boolean lendable, boolean availableInLibrary) {
            this.lendable = lendable;
            this.availableInLibrary = availableInLibrary;
        }
    }

    /**
     * One copy.
     *
     * @param agencyId {@code type:value}, as in the partner directory (e.g. {@code ISIL:CA-OPETB})
     * @param dueDate  when it is due back, if on loan and known
     */
    public record Item(String agencyId, String location, String callNumber, String barcode, String itemType,
            Availability availability, LocalDate dueDate) {
    }
}
