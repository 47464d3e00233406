package org.resourcesharing.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark's figures as a table: printed, and written to {@code target/benchmarks/<name>.md}.
 * Figures are reported, never asserted.
 */
public final class BenchmarkReport {

    private final String title;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public BenchmarkReport(String title) {
        this.title = title;
    }

    /** Adds a row, and prints it at once: a long benchmark shows its figures as they come. */
    public BenchmarkReport row(String... cells) {
        rows.add(cells);
        System.out.println(title + ": " + String.join(" | ", cells));
        return this;
    }

    /** Adds a line under the table: a condition of the run that its figures depend on. */
    public BenchmarkReport note(String note) {
        notes.add(note);
        return this;
    }

    /** The value at {@code percentile} (0-100) of {@code values}, nearest rank. */
    public static double percentile(List<Double> values, double percentile) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Prints and writes the table, for the database this test run uses. */
    public void write(String fileName) {
        write(fileName, TestDatabase.isPostgres() ? "PostgreSQL" : TestDatabase.isH2File() ? "H2-file" : "H2");
    }

    public void write(String fileName, String database) {
        StringBuilder table = new StringBuilder("## ").append(title).append("\n\n");
        for (int i = 0; i < rows.size(); i++) {
            table.append("| ").append(String.join(" | ", rows.get(i))).append(" |\n");
            if (i == 0) {
                table.append("|").append(" --- |".repeat(rows.get(0).length)).append("\n");
            }
        }
        table.append("\nDatabase: ").append(database).append("; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores; load average at the end ")
                .append(Arrays.toString(loadAverage())).append("\n");
        notes.forEach(note -> table.append("\n").append(note).append("\n"));
        System.out.println("\n" + table);
        try {
            Path file = Path.of("target", "benchmarks", fileName + "-" + database.toLowerCase(Locale.ROOT) + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4).length >= 3
                    ? Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3) : new String[0];
        } catch (IOException notLinux) {
            return new String[0];
        }
    }
}
