package org.resourcesharing.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.resourcesharing.fees.CsvText;

/**
 * One measure as a table: what the REST API returns, what the dashboard draws its chart from and shows beneath it,
 * and what its CSV download holds, so the three always agree. Figures with decimals keep two.
 *
 * @param id     the measure's id in {@code /api/reports/{id}}
 * @param chart  how the dashboard draws it (null: a table only)
 */
record ReportTable(String id, String title, String description, List<Column> columns, List<List<Object>> rows, Chart chart) {

    record Column(String name, String label) {
    }

    record Chart(List<String> axis, List<String> values, String seriesBy) {

        /** Bars of each value column over the axis columns (several axis columns are joined into one label). */
        static Chart bars(List<String> axis, String... values) {
            return new Chart(axis, List.of(values), null);
        }

        /** One value column stacked by the values of another, summed over the axis. */
        static Chart stacked(String axis, String value, String seriesBy) {
            return new Chart(List.of(axis), List.of(value), seriesBy);
        }
    }

    ReportTable {
        rows = rows.stream().map(row -> row.stream().map(ReportTable::exact).toList()).toList();
    }

    /** Rows as objects keyed by column name, for JSON. */
    List<Map<String, Object>> records() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (List<Object> row : rows) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                record.put(columns.get(i).name(), row.get(i));
            }
            records.add(record);
        }
        return records;
    }

    /** Every cell as {@link #text}: what the page shows (public for the page template). */
    public List<List<String>> texts() {
        return rows.stream().map(row -> row.stream().map(ReportTable::text).toList()).toList();
    }

    /** The table as the page shows it: header labels, then every cell as {@link #text}. */
    String csv() {
        CsvText csv = new CsvText(columns.stream().map(Column::label).toArray(String[]::new));
        rows.forEach(row -> csv.row(row.toArray()));
        return csv.toString();
    }

    /** A cell as the page shows it: empty for none, numbers as plain decimals. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    private static Object exact(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isNaN(number) ? null : BigDecimal.valueOf(number).setScale(2, RoundingMode.HALF_UP);
        }
        if (value instanceof BigDecimal decimal && decimal.scale() > 2) {
            return decimal.setScale(2, RoundingMode.HALF_UP);
        }
        return value;
    }
}
