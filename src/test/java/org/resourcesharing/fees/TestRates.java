package org.resourcesharing.fees;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Writes Bank of Canada Valet observation files, JSON or CSV, in the shape the Valet API sends them. */
final class TestRates {

    private final Map<LocalDate, Map<String, String>> days = new TreeMap<>();

    TestRates on(LocalDate day, String series, String value) {
        days.computeIfAbsent(day, d -> new TreeMap<>()).put(series, value);
        return this;
    }

    TestRates on(String day, String series, String value) {
        return on(LocalDate.parse(day), series, value);
    }

    private TreeSet<String> series() {
        return days.values().stream().flatMap(values -> values.keySet().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    String json() {
        String details = series().stream()
                .map(series -> "\"" + series + "\": {\"label\": \"" + series.substring(2, 5) + "/" + series.substring(5)
                        + "\", \"description\": \"" + series.substring(2, 5) + " to Canadian dollar daily exchange rate\", "
                        + "\"dimension\": {\"key\": \"d\", \"name\": \"date\"}}")
                .collect(Collectors.joining(",\n    "));
        String observations = days.entrySet().stream()
                .map(day -> "{\"d\": \"" + day.getKey() + "\", " + day.getValue().entrySet().stream()
                        .map(value -> "\"" + value.getKey() + "\": {\"v\": \"" + value.getValue() + "\"}").collect(Collectors.joining(", ")) + "}")
                .collect(Collectors.joining(",\n    "));
        return """
                {
                  "terms": {"url": "https://www.bankofcanada.ca/terms/"},
                  "seriesDetail": {
                    %s
                  },
                  "observations": [
                    %s
                  ]
                }
                """.formatted(details, observations);
    }

    String csv() {
        TreeSet<String> series = series();
        StringBuilder csv = new StringBuilder("\"TERMS AND CONDITIONS\"\n\"https://www.bankofcanada.ca/terms/\"\n\n\"SERIES\"\n"
                + "\"id\",\"label\",\"description\"\n");
        series.forEach(name -> csv.append('"').append(name).append("\",\"").append(name, 2, 5).append('/').append(name.substring(5))
                .append("\",\"").append(name, 2, 5).append(" to Canadian dollar daily exchange rate, \"\"noon\"\"\"\n"));
        csv.append("\n\"OBSERVATIONS\"\n\"date\"");
        series.forEach(name -> csv.append(",\"").append(name).append('"'));
        csv.append('\n');
        days.forEach((day, values) -> {
            csv.append('"').append(day).append('"');
            series.forEach(name -> csv.append(",\"").append(values.getOrDefault(name, "")).append('"'));
            csv.append('\n');
        });
        return csv.toString();
    }
}
