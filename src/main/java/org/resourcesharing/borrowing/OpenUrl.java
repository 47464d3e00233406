package org.resourcesharing.borrowing;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.resourcesharing.catalogue.Doi;
import org.resourcesharing.catalogue.InvalidIdentifierException;
import org.resourcesharing.catalogue.Isbn;
import org.resourcesharing.catalogue.Issn;
import org.resourcesharing.catalogue.OclcNumber;

/**
 * Reads the citation a discovery system (Primo, Summon, EDS, Google Scholar) sends in an OpenURL
 * link: OpenURL 1.0 key/encoded-value ({@code rft.atitle}, {@code rft_id=info:doi/...}) and the
 * older 0.1 form ({@code atitle}, {@code id=doi:...}) that Google Scholar still sends. It only
 * pre-fills the patron's form, so it is tolerant: a value it cannot use is left out, and said so.
 */
final class OpenUrl {

    /** @param ignored what was sent but left out, in words for the patron */
    record Parsed(PatronRequest request, List<String> ignored) {
    }

    private static final Set<String> COPY_GENRES = Set.of("article", "preprint", "proceeding", "bookitem");
    private static final Set<String> LOAN_GENRES = Set.of("book", "report", "document", "thesis", "dissertation");
    private static final Set<String> BOOK_GENRES = Set.of("book", "bookitem", "report", "document", "thesis", "dissertation");
    private static final Pattern YEAR = Pattern.compile("([0-9]{4})(?:$|[^0-9].*)");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n]]");
    private static final Pattern DOI_ID = Pattern.compile("(?i)(?:info:doi/|doi:|https?://(?:dx\\.)?doi\\.org/)(.+)");
    private static final Pattern OCLC_ID = Pattern.compile("(?i)(?:info:oclcnum/|oclcnum:)(.+)");
    private static final Pattern ISBN_ID = Pattern.compile("(?i)urn:isbn:(.+)");
    private static final Pattern ISSN_ID = Pattern.compile("(?i)urn:issn:(.+)");

    private final Map<String, List<String>> values;
    private final List<String> ignored;

    private OpenUrl(Map<String, List<String>> values, List<String> ignored) {
        this.values = values;
        this.ignored = ignored;
    }

    static Parsed parse(String query) {
        List<String> ignored = new ArrayList<>();
        return new OpenUrl(decode(query == null ? "" : query, ignored), ignored).read();
    }

    private Parsed read() {
        String genre = value("genre") == null ? null : value("genre").toLowerCase(Locale.ROOT);
        String format = first("rft_val_fmt");
        String articleTitle = value("atitle");
        boolean book = format != null ? format.toLowerCase(Locale.ROOT).endsWith(":book")
                : genre != null ? BOOK_GENRES.contains(genre) : value("btitle") != null || value("isbn") != null && value("issn") == null;
        String title = book ? firstOf(value("btitle"), value("title")) : null;
        String journalTitle = book ? null : firstOf(value("jtitle"), value("title"), value("stitle"));
        String serviceType = genre != null && COPY_GENRES.contains(genre) ? "Copy"
                : genre != null && LOAN_GENRES.contains(genre) ? "Loan"
                : articleTitle != null ? "Copy"
                : format != null ? (book ? "Loan" : "Copy") : null;
        Identifiers ids = identifiers();
        return new Parsed(new PatronRequest(null, null, null, null, serviceType, title, author(), ids.isbn, ids.issn, ids.doi, ids.oclcNumber,
                journalTitle, articleTitle, value("volume"), value("issue"), pages(), year(), value("edition"), null, null, null, null),
                List.copyOf(ignored));
    }

    private String author() {
        List<String> authors = all("au");
        if (!authors.isEmpty()) {
            return String.join("; ", authors);
        }
        String last = value("aulast");
        String first = firstOf(value("aufirst"), value("auinit"));
        if (last != null) {
            return first == null ? last : last + ", " + first;
        }
        return value("aucorp");
    }

    private String pages() {
        String start = value("spage");
        String end = value("epage");
        if (start != null) {
            return end == null || end.equals(start) ? start : start + "-" + end;
        }
        return value("pages");
    }

    private String year() {
        String date = value("date");
        if (date == null) {
            return null;
        }
        Matcher year = YEAR.matcher(date);
        if (year.matches()) {
            return year.group(1);
        }
        ignored.add("The date \"" + date + "\" was left out: it does not start with a year.");
        return null;
    }

    private static final class Identifiers {
        String isbn;
        String issn;
        String doi;
        String oclcNumber;
    }

    private Identifiers identifiers() {
        Identifiers ids = new Identifiers();
        ids.isbn = identifier("ISBN", value("isbn"), raw -> Isbn.parse(raw).isbn13());
        ids.issn = firstOf(identifier("ISSN", value("issn"), raw -> Issn.parse(raw).value()),
                identifier("ISSN", value("eissn"), raw -> Issn.parse(raw).value()));
        ids.doi = identifier("DOI", value("doi"), raw -> Doi.parse(raw).value());
        List<String> identifiers = new ArrayList<>(all("rft_id"));
        identifiers.addAll(all("id"));
        for (String id : identifiers) {
            Matcher doi = DOI_ID.matcher(id);
            Matcher oclc = OCLC_ID.matcher(id);
            Matcher isbn = ISBN_ID.matcher(id);
            Matcher issn = ISSN_ID.matcher(id);
            if (ids.doi == null && doi.matches()) {
                ids.doi = identifier("DOI", doi.group(1), raw -> Doi.parse(raw).value());
            } else if (ids.oclcNumber == null && oclc.matches()) {
                ids.oclcNumber = identifier("OCLC number", oclc.group(1), raw -> OclcNumber.parse(raw).value());
            } else if (ids.isbn == null && isbn.matches()) {
                ids.isbn = identifier("ISBN", isbn.group(1), raw -> Isbn.parse(raw).isbn13());
            } else if (ids.issn == null && issn.matches()) {
                ids.issn = identifier("ISSN", issn.group(1), raw -> Issn.parse(raw).value());
            }
            // other identifiers (PubMed, SICI, a link resolver's own) have no field here: the citation stands without them
        }
        return ids;
    }

    /** The identifier in its normal form, or null (noted) when it is not a valid one. */
    private String identifier(String kind, String raw, Function<String, String> normalise) {
        if (raw == null) {
            return null;
        }
        try {
            return normalise.apply(raw);
        } catch (InvalidIdentifierException invalid) {
            String reason = invalid.reason().endsWith(".") ? invalid.reason() : invalid.reason() + ".";
            ignored.add("The " + kind + " \"" + raw + "\" was left out: " + reason);
            return null;
        }
    }

    /** The first value of an OpenURL 1.0 key ({@code rft.atitle}) or, failing that, its 0.1 form ({@code atitle}). */
    private String value(String key) {
        return firstOf(first("rft." + key), first(key));
    }

    private List<String> all(String key) {
        List<String> found = new ArrayList<>(values.getOrDefault("rft." + key, List.of()));
        found.addAll(values.getOrDefault(key, List.of()));
        return found;
    }

    private String first(String key) {
        List<String> found = values.getOrDefault(key, List.of());
        return found.isEmpty() ? null : found.get(0);
    }

    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Splits a raw query string into keys (lower case) and their non-blank values, percent-decoded as
     * UTF-8 unless {@code ctx_enc} names ISO-8859-1; a value that is not UTF-8 is read as ISO-8859-1,
     * which older sources send without saying so.
     */
    private static Map<String, List<String>> decode(String query, List<String> ignored) {
        Charset declared = query.contains("ctx_enc=info%3Aofi%2Fenc%3AISO-8859-1") || query.contains("ctx_enc=info:ofi/enc:ISO-8859-1")
                ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (pair.isEmpty() || equals <= 0) {
                continue;
            }
            String rawValue = pair.substring(equals + 1);
            try {
                String key = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).strip().toLowerCase(Locale.ROOT);
                String value = URLDecoder.decode(rawValue, declared);
                if (value.indexOf('\uFFFD') >= 0 && !rawValue.toUpperCase(Locale.ROOT).contains("%EF%BF%BD")) {
                    value = URLDecoder.decode(rawValue, StandardCharsets.ISO_8859_1);
                }
                String clean = CONTROL.matcher(value).replaceAll("").replaceAll("\\s+", " ").strip();
                if (!clean.isEmpty()) {
                    values.computeIfAbsent(key, k -> new ArrayList<>()).add(clean);
                }
            } catch (IllegalArgumentException badEscape) {
                ignored.add("A value that was not properly encoded was left out (" + pair.substring(0, equals) + ").");
            }
        }
        return values;
    }
}
