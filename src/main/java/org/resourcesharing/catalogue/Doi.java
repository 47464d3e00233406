package org.resourcesharing.catalogue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Digital Object Identifier. DOIs are case-insensitive, so the value is kept in lower case and
 * two spellings of one DOI compare equal.
 *
 * @param value e.g. {@code 10.1139/cjfas-2019-0123}: "10.", the registrant code, "/", the suffix
 */
public record Doi(String value) {

    private static final String KIND = "DOI";

    /** Resolver links put the DOI in the path, percent-encoded where needed. */
    private static final Pattern RESOLVER_URL = Pattern.compile("(?i)https?://(?:dx\\.)?doi\\.org/");
    private static final Pattern DOI_LABEL = Pattern.compile("(?i)doi:\\s*");
    private static final Pattern SYNTAX = Pattern.compile("10\\.[0-9]+(?:\\.[0-9]+)*/\\S+");

    public Doi {
        String normalised = normalise(value);
        if (!normalised.equals(value)) {
            throw new InvalidIdentifierException(KIND, value, "not in canonical form " + normalised + "; use Doi.parse");
        }
    }

    /**
     * Reads a bare DOI, a "doi:" DOI or a doi.org link.
     *
     * @throws InvalidIdentifierException if what remains is not "10.", a numeric registrant code, "/" and a suffix
     */
    public static Doi parse(String raw) {
        return new Doi(normalise(raw));
    }

    public static boolean isValid(String raw) {
        return IdentifierText.parses(raw, Doi::normalise);
    }

    private static String normalise(String raw) {
        String doi = IdentifierText.present(KIND, raw);
        Matcher resolverUrl = RESOLVER_URL.matcher(doi);
        Matcher doiLabel = DOI_LABEL.matcher(doi);
        if (resolverUrl.lookingAt()) {
            doi = decodePath(raw, doi.substring(resolverUrl.end()));
        } else if (doiLabel.lookingAt()) {
            doi = doi.substring(doiLabel.end());
        }
        if (!doi.startsWith("10.")) {
            throw new InvalidIdentifierException(KIND, raw, "should start with 10.");
        }
        int slash = doi.indexOf('/');
        if (slash < 0) {
            throw new InvalidIdentifierException(KIND, raw, "should have a / between prefix and suffix");
        }
        if (slash == doi.length() - 1) {
            throw new InvalidIdentifierException(KIND, raw, "suffix after / is empty");
        }
        if (!SYNTAX.matcher(doi).matches()) {
            throw new InvalidIdentifierException(KIND, raw,
                    "registrant code should be digits and dots, and the suffix should have no spaces");
        }
        return doi.toLowerCase(Locale.ROOT);
    }

    /** Percent-decoding only: a "+" in a DOI is a plus sign, not an encoded space. */
    private static String decodePath(String raw, String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentifierException(KIND, raw, "link has a malformed %-escape");
        }
    }
}
