package org.resourcesharing.copyright.permission;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The authors of a work as forms and emails give them, one per line: a name, then the year of death
 * where it is known ({@code Montgomery, L. M., 1942}, {@code Lucy Maud Montgomery (1874-1942)},
 * {@code Margaret Atwood}). A line without a year at its end is an author whose death year is unknown.
 */
final class Authors {

    /** A four-digit year at the end, alone or as the second of a life span, with or without brackets or "d.". */
    private static final Pattern DEATH_YEAR = Pattern.compile(
            "^(.*?)[\\s,;]*(?:\\(\\s*)?(?:(?:d\\.|died|†)\\s*)?(?:\\d{3,4}\\s*[-\u2013]\\s*)?(\\d{4})\\s*\\)?$");

    record Author(String name, Integer deathYear) {

        String asLine() {
            return deathYear == null ? name : name + ", " + deathYear;
        }
    }

    private Authors() {
    }

    static List<Author> parse(String text) {
        List<Author> authors = new ArrayList<>();
        if (text == null) {
            return authors;
        }
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            Matcher withYear = DEATH_YEAR.matcher(stripped);
            if (withYear.matches() && !withYear.group(1).isBlank()) {
                authors.add(new Author(withYear.group(1).strip(), Integer.valueOf(withYear.group(2))));
            } else {
                authors.add(new Author(stripped, null));
            }
        }
        return authors;
    }

    static String format(List<Author> authors) {
        return authors.stream().map(Author::asLine).collect(Collectors.joining("\n"));
    }

    /** The names for an attribution: "A", "A and B", "A, B and C". */
    static String names(List<Author> authors) {
        List<String> names = authors.stream().map(Author::name).toList();
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
