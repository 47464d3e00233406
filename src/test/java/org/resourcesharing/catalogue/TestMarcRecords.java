package org.resourcesharing.catalogue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/** MARC records built field by field, for tests that need to know exactly what a catalogue sends. */
public final class TestMarcRecords {

    private static final MarcFactory MARC = MarcFactory.newInstance();

    private TestMarcRecords() {
    }

    /** Two Solitudes: one copy on the shelf at Bata, one on loan at Durham, one reference copy at Queen's. */
    public static Record twoSolitudes() {
        Record record = book("test-900001", "9781551999012", "MacLennan, Hugh,", "Two solitudes /", "1945");
        record.addVariableField(field("035", ' ', ' ', 'a', "(OCoLC)1235870"));
        record.addVariableField(item("CA-OPETB", "STACKS", "PS8525.L3 T8 1945", "39001001", "BOOK", "0", null));
        record.addVariableField(item("CA-OODT", "STACKS", "PS8525.L3 T8 1945 c.2", "39001002", "BOOK", "0", "2026-12-14"));
        record.addVariableField(item("CA-OKQ", "REFERENCE", "PS8525.L3 T8", "QU77001", "REFERENCE", "1", null));
        return record;
    }

    /** The Diviners as Alma describes it: availability in AVA $e. */
    static Record divinersFromAlma(String availability) {
        Record record = book("991234567890", "9780771047619", "Laurence, Margaret,", "The diviners /", "1974");
        DataField ava = field("AVA", ' ', ' ', 'b', "CA-OPETB");
        ava.addSubfield(MARC.newSubfield('j', "STACKS"));
        ava.addSubfield(MARC.newSubfield('d', "PS8523.A86 D5"));
        ava.addSubfield(MARC.newSubfield('e', availability));
        record.addVariableField(ava);
        return record;
    }

    static Record book(String id, String isbn, String author, String title, String year) {
        Record record = MARC.newRecord("00000nam a2200000 a 4500");
        record.addVariableField(MARC.newControlField("001", id));
        record.addVariableField(MARC.newControlField("008", "850101s" + year + "    onc           000 1 eng d"));
        record.addVariableField(field("020", ' ', ' ', 'a', isbn));
        record.addVariableField(field("100", '1', ' ', 'a', author));
        record.addVariableField(field("245", '1', '0', 'a', title));
        record.addVariableField(field("264", ' ', '1', 'c', year));
        return record;
    }

    static DataField item(String agency, String location, String callNumber, String barcode, String type, String notForLoan, String due) {
        DataField item = field("952", ' ', ' ', 'a', agency);
        item.addSubfield(MARC.newSubfield('b', agency));
        item.addSubfield(MARC.newSubfield('c', location));
        item.addSubfield(MARC.newSubfield('o', callNumber));
        item.addSubfield(MARC.newSubfield('p', barcode));
        item.addSubfield(MARC.newSubfield('y', type));
        item.addSubfield(MARC.newSubfield('7', notForLoan));
        if (due != null) {
            item.addSubfield(MARC.newSubfield('q', due));
        }
        return item;
    }

    static DataField field(String tag, char ind1, char ind2, char code, String data) {
        DataField field = MARC.newDataField(tag, ind1, ind2);
        field.addSubfield(MARC.newSubfield(code, data));
        return field;
    }

    /** A MARCXML collection of the records, as a catalogue export would be. */
    public static byte[] export(Record... records) {
        StringBuilder xml = new StringBuilder("<marc:collection xmlns:marc=\"http://www.loc.gov/MARC21/slim\">");
        for (Record record : records) {
            xml.append(marcXmlElement(record));
        }
        return xml.append("</marc:collection>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The record as a {@code <marc:record>} element, without XML declaration, to embed in an SRU response. */
    static String marcXmlElement(Record record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcXmlWriter writer = new MarcXmlWriter(out, "UTF-8");
        writer.write(record);
        writer.close();
        String collection = out.toString(StandardCharsets.UTF_8);
        int start = collection.indexOf("<marc:record");
        int end = collection.lastIndexOf("</marc:record>") + "</marc:record>".length();
        return collection.substring(start, end).replaceFirst("<marc:record", "<marc:record xmlns:marc=\"http://www.loc.gov/MARC21/slim\"");
    }
}
