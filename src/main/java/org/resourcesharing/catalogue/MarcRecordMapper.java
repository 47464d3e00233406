package org.resourcesharing.catalogue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.resourcesharing.catalogue.CatalogueRecord.Availability;
import org.resourcesharing.catalogue.CatalogueRecord.Item;
import org.resourcesharing.catalogue.CatalogueRecord.MaterialType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads what the workflows need from a MARC 21 record: identifiers, title, author, year, and its copies. */
final class MarcRecordMapper {

    private static final Logger log = LoggerFactory.getLogger(MarcRecordMapper.class);
    private static final Pattern YEAR = Pattern.compile("(1[4-9]\\d\\d|20\\d\\d)");
    private static final Pattern OCLC = Pattern.compile("^\\(OCoLC\\)\\s*(.+)$");

    private final HoldingsMapping holdings;

    MarcRecordMapper(HoldingsMapping holdings) {
        this.holdings = holdings;
    }

    CatalogueRecord map(Record record) {
        String recordId = control(record, "001");
        if (recordId == null || recordId.isBlank()) {
            throw new IllegalArgumentException("a MARC record without 001 (record id) cannot be imported or matched");
        }
        return new CatalogueRecord(recordId.trim(), title(record), author(record), year(record), materialType(record),
                identifiers(record, "020", 'a', raw -> Isbn.parse(raw).isbn13()),
                identifiers(record, "022", 'a', raw -> Issn.parse(raw).value()),
                oclcNumbers(record),
                dois(record),
                items(record));
    }

    private static String title(Record record) {
        DataField field = (DataField) record.getVariableField("245");
        if (field == null) {
            return "[no title]";
        }
        StringBuilder title = new StringBuilder();
        for (char code : new char[] {'a', 'b', 'n', 'p'}) {
            for (Subfield subfield : field.getSubfields(code)) {
                title.append(' ').append(subfield.getData());
            }
        }
        return trimPunctuation(title.toString());
    }

    private static String author(Record record) {
        for (String tag : new String[] {"100", "110", "111"}) {
            DataField field = (DataField) record.getVariableField(tag);
            if (field != null && field.getSubfield('a') != null) {
                return trimPunctuation(field.getSubfield('a').getData());
            }
        }
        return null;
    }

    private static Integer year(Record record) {
        String fixed = control(record, "008");
        if (fixed != null && fixed.length() >= 11 && fixed.substring(7, 11).chars().allMatch(Character::isDigit)) {
            return Integer.valueOf(fixed.substring(7, 11));
        }
        for (String tag : new String[] {"264", "260"}) {
            DataField field = (DataField) record.getVariableField(tag);
            if (field != null && field.getSubfield('c') != null) {
                Matcher year = YEAR.matcher(field.getSubfield('c').getData());
                if (year.find()) {
                    return Integer.valueOf(year.group(1));
                }
            }
        }
        return null;
    }

    private static MaterialType materialType(Record record) {
        char type = record.getLeader().getTypeOfRecord();
        char level = record.getLeader().getImplDefined1()[0];
        if (level == 's' || level == 'i') {
            return MaterialType.SERIAL;
        }
        String fixed = control(record, "008");
        boolean online = fixed != null && fixed.length() > 23 && (fixed.charAt(23) == 'o' || fixed.charAt(23) == 's');
        if (type == 'm' || online) {
            return MaterialType.ELECTRONIC;
        }
        return type == 'a' || type == 't' ? MaterialType.BOOK : MaterialType.OTHER;
    }

    /** Identifiers of one kind; one a cataloguer mistyped is left out (and logged), never invented. */
    private static List<String> identifiers(Record record, String tag, char code, Function<String, String> normalise) {
        Set<String> values = new LinkedHashSet<>();
        for (Object field : record.getVariableFields(tag)) {
            for (Subfield subfield : ((DataField) field).getSubfields(code)) {
                try {
                    values.add(normalise.apply(subfield.getData()));
                } catch (InvalidIdentifierException invalid) {
                    log.warn("Record {}: {}", control(record, "001"), invalid.getMessage());
                }
            }
        }
        return List.copyOf(values);
    }

    private static List<String> oclcNumbers(Record record) {
        Set<String> values = new LinkedHashSet<>();
        for (Object field : record.getVariableFields("035")) {
            Subfield number = ((DataField) field).getSubfield('a');
            if (number != null && OCLC.matcher(number.getData()).matches()) {
                try {
                    values.add(OclcNumber.parse(number.getData()).value());
                } catch (InvalidIdentifierException invalid) {
                    log.warn("Record {}: {}", control(record, "001"), invalid.getMessage());
                }
            }
        }
        return List.copyOf(values);
    }

    private static List<String> dois(Record record) {
        Set<String> values = new LinkedHashSet<>();
        for (Object field : record.getVariableFields("024")) {
            DataField identifier = (DataField) field;
            Subfield source = identifier.getSubfield('2');
            if (identifier.getIndicator1() == '7' && source != null && "doi".equalsIgnoreCase(source.getData().trim())
                    && identifier.getSubfield('a') != null) {
                try {
                    values.add(Doi.parse(identifier.getSubfield('a').getData()).value());
                } catch (InvalidIdentifierException invalid) {
                    log.warn("Record {}: {}", control(record, "001"), invalid.getMessage());
                }
            }
        }
        return List.copyOf(values);
    }

    private List<Item> items(Record record) {
        List<Item> items = new ArrayList<>();
        for (Object occurrence : record.getVariableFields(holdings.tag())) {
            DataField field = (DataField) occurrence;
            String agency = subfield(field, holdings.agency());
            if (agency == null) {
                continue;
            }
            String location = subfield(field, holdings.location());
            LocalDate dueDate = date(subfield(field, holdings.dueDate()));
            items.add(new Item(holdings.agencyPrefix() + agency, location, subfield(field, holdings.callNumber()),
                    subfield(field, holdings.barcode()), subfield(field, holdings.itemType()),
                    availability(field, location, dueDate), dueDate));
        }
        return items;
    }

    /** On loan if it has a due date or an on-loan status; in-library use if not for loan or shelved where nothing leaves. */
    private Availability availability(DataField field, String location, LocalDate dueDate) {
        String status = subfield(field, holdings.status());
        if (dueDate != null || status != null && holdings.onLoanStatuses().contains(status.toLowerCase(Locale.ROOT))) {
            return Availability.ON_LOAN;
        }
        String notForLoan = subfield(field, holdings.notForLoan());
        boolean restricted = notForLoan != null && !notForLoan.equals("0");
        if (restricted || location != null && holdings.inLibraryLocations().contains(location.toUpperCase(Locale.ROOT))) {
            return Availability.IN_LIBRARY_USE;
        }
        return Availability.ON_SHELF;
    }

    private static String subfield(DataField field, Character code) {
        if (code == null) {
            return null;
        }
        Subfield subfield = field.getSubfield(code);
        return subfield == null || subfield.getData().isBlank() ? null : subfield.getData().trim();
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("\\D", "");
        try {
            return digits.length() >= 8 ? LocalDate.parse(digits.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE) : null;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static String control(Record record, String tag) {
        ControlField field = (ControlField) record.getVariableField(tag);
        return field == null ? null : field.getData();
    }

    private static String trimPunctuation(String value) {
        return value.trim().replaceAll("\\s+", " ").replaceAll("[\\s/:;,.=]+$", "");
    }
}
