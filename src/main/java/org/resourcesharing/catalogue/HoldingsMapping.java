package org.resourcesharing.catalogue;

import java.util.Set;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a catalogue's MARC records keep their copies, and how to read availability from them.
 * Defaults are Koha's item field 952; Alma's AVA ({@code tag: AVA, agency: b, location: j,
 * call-number: d, status: e}) and plain MARC 852 are configured the same way.
 *
 * @param tag                the field with one occurrence per copy (or per holding)
 * @param agencyPrefix       prepended to the agency subfield to form the partner directory's agency id
 * @param notForLoan         subfield whose non-zero value means the copy stays in the library (Koha $7)
 * @param dueDate            subfield holding the due date of a copy on loan (Koha $q)
 * @param status             subfield with an availability word (Alma AVA $e)
 * @param onLoanStatuses     status words meaning the copy is out
 * @param inLibraryLocations location codes whose copies are used in the library only
 */
public record HoldingsMapping(
        @DefaultValue("952") String tag,
        @DefaultValue("a") Character agency,
        @DefaultValue("ISIL:") String agencyPrefix,
        @DefaultValue("c") Character location,
        @DefaultValue("o") Character callNumber,
        @DefaultValue("p") Character barcode,
        @DefaultValue("y") Character itemType,
        @DefaultValue("7") Character notForLoan,
        @DefaultValue("q") Character dueDate,
        Character status,
        @DefaultValue({"unavailable", "checked out", "on loan"}) Set<String> onLoanStatuses,
        @DefaultValue({"REFERENCE", "RESERVES", "SPECCOLL"}) Set<String> inLibraryLocations) {

    /** Koha's 952 with the defaults above. */
    public static HoldingsMapping koha() {
        return new HoldingsMapping("952", 'a', "ISIL:", 'c', 'o', 'p', 'y', '7', 'q', null,
                Set.of("unavailable", "checked out", "on loan"), Set.of("REFERENCE", "RESERVES", "SPECCOLL"));
    }
}
