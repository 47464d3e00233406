package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes CSV as RFC 4180 has it: a header line, comma-separated fields, each quoted when it holds a
 * comma, quote or line break, CRLF line ends, UTF-8. Text that a spreadsheet would take for a formula
 * (starting with =, +, -, @, tab or carriage return, such as a title a patron typed) gets a leading
 * apostrophe; amounts are written as plain decimals and keep their minus sign.
 */
public final class CsvText {

    private final StringBuilder csv = new StringBuilder();

    public CsvText(String... header) {
        row((Object[]) header);
    }

    /** Each value: text, a number (plain decimal), a date or anything else by its toString; null is empty. */
    public CsvText row(Object... values) {
        csv.append(Arrays.stream(values).map(CsvText::field).collect(Collectors.joining(","))).append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return csv.toString();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
