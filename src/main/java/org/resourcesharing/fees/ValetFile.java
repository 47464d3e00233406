package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.resourcesharing.platform.FieldErrors;

/**
 * Reads exchange rates from a Bank of Canada Valet observations file, JSON or CSV, as
 * {@code https://www.bankofcanada.ca/valet/observations/FXUSDCAD,FXEURCAD/json} (or {@code /csv},
 * or {@code /observations/group/FX_RATES_DAILY/json}) sends it.
 *
 * <ul>
 * <li>JSON: {@code {"seriesDetail": {"FXUSDCAD": {...}}, "observations": [{"d": "2026-11-20",
 * "FXUSDCAD": {"v": "1.4012"}}, ...]}}.</li>
 * <li>CSV: sections "TERMS AND CONDITIONS", "SERIES", then "OBSERVATIONS": a header line
 * {@code "date","FXUSDCAD","FXEURCAD"} and one line per day; a section after it (Valet's "ERRORS")
 * ends the observations.</li>
 * </ul>
 *
 * Every series must be {@code FX<currency><home currency>} (units of the home currency per unit of
 * the currency; FXUSDCAD is CAD per US dollar). A day without a value for a series (an empty value,
 * or the series missing from that day) has no rate. Values are taken exactly: a rate with more than
 * ten decimals, not positive or not a number is refused, never rounded. The whole file is read
 * before anything is imported, and a file with any error is refused with every error named.
 */
final class ValetFile {

    enum Format {
        JSON, CSV
    }

    /** One series' value on one day: {@code rate} units of the home currency per unit of {@code currency}. */
    record Observation(String series, String currency, LocalDate date, BigDecimal rate) {
    }

    static final int MAX_RATE_DECIMALS = 10; // exchange_rate.rate numeric(19, 10)
    private static final int MAX_RATE_INTEGER_DIGITS = 9;
    private static final int MAX_ERRORS = 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String homeCurrency;
    private final Pattern seriesName;
    private final Set<String> seriesChecked = new LinkedHashSet<>();
    private final List<FieldErrors.FieldError> errors = new ArrayList<>();
    private int moreErrors;

    private ValetFile(String homeCurrency) {
        this.homeCurrency = homeCurrency;
        this.seriesName = Pattern.compile("FX([A-Z]{3})" + Pattern.quote(homeCurrency));
    }

    /**
     * @throws FieldErrors.InvalidRequestException naming each error: its place in the file ({@code
     *         observations[3].FXUSDCAD}, {@code line 12}) and what is wrong
     */
    static List<Observation> read(byte[] content, Format format, String homeCurrency) {
        ValetFile file = new ValetFile(homeCurrency);
        String text = file.text(content);
        List<Observation> observations = text == null ? List.of() : format == Format.JSON ? file.json(text) : file.csv(text);
        file.throwIfAny();
        return observations;
    }

    /** JSON when the text starts with a brace, else CSV: for downloads whose content type says neither. */
    static Format sniff(byte[] content) {
        for (byte b : content) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '{' ? Format.JSON : Format.CSV;
            }
        }
        return Format.CSV;
    }

    private String text(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            error("body", "not UTF-8 text; expected a Bank of Canada Valet observations file (JSON or CSV)");
            return null;
        }
    }

    private List<Observation> json(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            error("body", "not JSON: " + notJson.getOriginalMessage().lines().findFirst().orElse(""));
            return List.of();
        }
        if (root == null || !root.isObject() || !root.path("observations").isArray()) {
            error("observations", "missing: expected a Bank of Canada Valet observations file with \"observations\": [...]");
            return List.of();
        }
        Set<String> declared = new LinkedHashSet<>();
        root.path("seriesDetail").fieldNames().forEachRemaining(declared::add);
        declared.forEach(series -> currencyOf(series, "seriesDetail." + series));
        Map<String, Observation> byDay = new LinkedHashMap<>();
        JsonNode observations = root.path("observations");
        for (int i = 0; i < observations.size(); i++) {
            String place = "observations[" + i + "]";
            JsonNode observation = observations.get(i);
            if (!observation.isObject()) {
                error(place, "not an object such as {\"d\": \"2026-11-20\", \"FXUSDCAD\": {\"v\": \"1.4012\"}}");
                continue;
            }
            LocalDate date = date(observation.path("d").asText(null), place + ".d");
            for (Iterator<Map.Entry<String, JsonNode>> fields = observation.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String series = field.getKey();
                if (series.equals("d")) {
                    continue;
                }
                String seriesPlace = place + "." + series;
                if (!declared.isEmpty() && !declared.contains(series)) {
                    error(seriesPlace, "not listed in seriesDetail");
                    continue;
                }
                String currency = currencyOf(series, seriesPlace);
                JsonNode value = field.getValue().isObject() ? field.getValue().get("v") : field.getValue();
                if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
                    continue; // no rate that day
                }
                if (!value.isTextual() && !value.isNumber()) {
                    error(seriesPlace, "not a value such as {\"v\": \"1.4012\"}");
                    continue;
                }
                BigDecimal rate = rate(value.isNumber() ? value.decimalValue().toPlainString() : value.asText(), seriesPlace + ".v");
                add(byDay, series, currency, date, rate, seriesPlace);
            }
        }
        return List.copyOf(byDay.values());
    }

    private List<Observation> csv(String text) {
        List<List<String>> lines = CsvLines.parse(text);
        int section = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (isSection(lines.get(i), "OBSERVATIONS")) {
                section = i;
                break;
            }
        }
        if (section < 0) {
            error("body", "no \"OBSERVATIONS\" section: expected a Bank of Canada Valet CSV file");
            return List.of();
        }
        int header = section + 1;
        while (header < lines.size() && blank(lines.get(header))) {
            header++;
        }
        if (header >= lines.size() || !lines.get(header).get(0).strip().equalsIgnoreCase("date") || lines.get(header).size() < 2) {
            error("line " + (header + 1), "expected the header \"date\",\"FX...\" after \"OBSERVATIONS\"");
            return List.of();
        }
        List<String> columns = lines.get(header).stream().map(String::strip).toList();
        for (int column = 1; column < columns.size(); column++) {
            currencyOf(columns.get(column), "line " + (header + 1) + " column " + (column + 1));
        }
        Map<String, Observation> byDay = new LinkedHashMap<>();
        for (int i = header + 1; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            if (blank(line)) {
                break; // the end of the section; Valet may add "ERRORS" after it
            }
            String place = "line " + (i + 1);
            if (line.size() != columns.size()) {
                error(place, line.size() + " values for " + columns.size() + " columns");
                continue;
            }
            LocalDate date = date(line.get(0).strip(), place);
            for (int column = 1; column < columns.size(); column++) {
                String value = line.get(column).strip();
                if (value.isEmpty()) {
                    continue; // no rate that day
                }
                String series = columns.get(column);
                BigDecimal rate = rate(value, place + " " + series);
                add(byDay, series, currencyOf(series, place), date, rate, place + " " + series);
            }
        }
        return List.copyOf(byDay.values());
    }

    private void add(Map<String, Observation> byDay, String series, String currency, LocalDate date, BigDecimal rate, String place) {
        if (date == null || rate == null || currency == null) {
            return;
        }
        Observation observation = new Observation(series, currency, date, rate);
        Observation earlier = byDay.putIfAbsent(series + " " + date, observation);
        if (earlier != null && earlier.rate().compareTo(rate) != 0) {
            error(place, series + " of " + date + " is given twice, as " + earlier.rate().toPlainString() + " and " + rate.toPlainString());
        }
    }

    /** The series' currency; a series that is no rate in the home currency is an error, named once. */
    private String currencyOf(String series, String place) {
        String currency = seriesCurrency(series);
        if (!seriesChecked.add(series)) {
            return currency;
        }
        if (currency == null) {
            error(place, "'" + series + "' is not an exchange rate series in " + homeCurrency + " (FX<currency>" + homeCurrency + ", such as FXUSD"
                    + homeCurrency + ")");
        } else {
            try {
                if (Currency.getInstance(currency).getDefaultFractionDigits() < 0) {
                    error(place, "'" + series + "': " + currency + " is not a currency with a minor unit");
                }
            } catch (IllegalArgumentException unknown) {
                error(place, "'" + series + "': " + currency + " is not an ISO 4217 currency");
            }
        }
        return currency;
    }

    private String seriesCurrency(String series) {
        Matcher matcher = seriesName.matcher(series);
        return matcher.matches() && !matcher.group(1).equals(homeCurrency) ? matcher.group(1) : null;
    }

    private LocalDate date(String value, String place) {
        if (value == null || value.isBlank()) {
            error(place, "no date");
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            error(place, "'" + value + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    private BigDecimal rate(String value, String place) {
        BigDecimal rate;
        try {
            rate = new BigDecimal(value.strip());
        } catch (NumberFormatException notANumber) {
            error(place, "'" + value + "' is not a rate such as 1.4012");
            return null;
        }
        BigDecimal exact = rate.stripTrailingZeros();
        if (rate.signum() <= 0) {
            error(place, "'" + value + "' is not a rate: rates are more than zero");
        } else if (exact.scale() > MAX_RATE_DECIMALS) {
            error(place, "'" + value + "' has more than " + MAX_RATE_DECIMALS + " decimals; rates are kept exact, not rounded");
        } else if (exact.precision() - exact.scale() > MAX_RATE_INTEGER_DIGITS) {
            error(place, "'" + value + "' is too large for a rate");
        } else {
            return exact.scale() < 0 ? exact.setScale(0) : exact;
        }
        return null;
    }

    private static boolean isSection(List<String> line, String name) {
        return line.size() == 1 && line.get(0).strip().toUpperCase(Locale.ROOT).equals(name);
    }

    private static boolean blank(List<String> line) {
        return line.stream().allMatch(String::isBlank);
    }

    private void error(String place, String reason) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new FieldErrors.FieldError(place, reason));
        } else {
            moreErrors++;
        }
    }

    private void throwIfAny() {
        FieldErrors fieldErrors = new FieldErrors();
        errors.forEach(error -> fieldErrors.add(error.field(), error.reason()));
        if (moreErrors > 0) {
            fieldErrors.add("body", moreErrors + " more errors not listed; nothing was imported");
        }
        fieldErrors.throwIfAny();
    }

    /** RFC 4180 lines: fields separated by commas, quoted with double quotes ("" inside is one quote; quoted fields may span lines). */
    static final class CsvLines {

        private CsvLines() {
        }

        static List<List<String>> parse(String text) {
            List<List<String>> lines = new ArrayList<>();
            List<String> line = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    line.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    line.add(field.toString());
                    field.setLength(0);
                    lines.add(line);
                    line = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !line.isEmpty()) {
                line.add(field.toString());
                lines.add(line);
            }
            return lines;
        }
    }

    /** The format a content type names (application/json, text/csv), if it names one. */
    static Optional<Format> formatOf(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return Optional.of(Format.JSON);
        }
        if (type.contains("csv")) {
            return Optional.of(Format.CSV);
        }
        return Optional.empty();
    }
}
