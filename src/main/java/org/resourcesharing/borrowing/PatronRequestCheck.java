package org.resourcesharing.borrowing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.resourcesharing.catalogue.Doi;
import org.resourcesharing.catalogue.InvalidIdentifierException;
import org.resourcesharing.catalogue.Isbn;
import org.resourcesharing.catalogue.Issn;
import org.resourcesharing.catalogue.OclcNumber;
import org.resourcesharing.platform.FieldErrors;

/** Every rule a patron request must meet; each broken rule becomes an error naming its field, all of them at once. */
final class PatronRequestCheck {

    static final int MAX_TITLE = 500;
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    private final List<String> patronTypes;
    private final Clock clock;

    PatronRequestCheck(List<String> patronTypes, Clock clock) {
        this.patronTypes = patronTypes;
        this.clock = clock;
    }

    void check(PatronRequest request, FieldErrors errors) {
        required(errors, "patronId", request.patronId(), 100);
        required(errors, "patronName", request.patronName(), 200);
        if (required(errors, "patronEmail", request.patronEmail(), 254) && !isEmailAddress(request.patronEmail().strip())) {
            errors.add("patronEmail", "not a valid email address");
        }
        if (required(errors, "patronType", request.patronType(), 50)
                && patronTypes.stream().noneMatch(type -> type.equalsIgnoreCase(request.patronType().strip()))) {
            errors.add("patronType", "should be one of " + String.join(", ", patronTypes));
        }
        if (required(errors, "serviceType", request.serviceType(), 20) && ServiceType.read(request.serviceType()).isEmpty()) {
            errors.add("serviceType", "should be Loan, Copy or CopyOrLoan");
        }
        citation(request, errors);
        if (ServiceType.read(request.serviceType()).orElse(null) == ServiceType.Copy
                && request.componentTitle() == null && blank(request.pages())) {
            errors.add("articleTitle", "a copy needs the title of the article or chapter, or the pages to copy");
        }
        LocalDate today = LocalDate.now(clock);
        if (present(request.year()) && !YEAR.matcher(request.year().strip()).matches()) {
            errors.add("year", "should be a year of four digits");
        } else if (present(request.year()) && Integer.parseInt(request.year().strip()) > today.getYear()) {
            errors.add("year", "is in the future");
        }
        if (request.neededBy() != null && request.neededBy().isBefore(today)) {
            errors.add("neededBy", "is in the past");
        }
        cost(request, errors);
        longest(errors, "notes", request.notes(), 2000);
    }

    private void citation(PatronRequest request, FieldErrors errors) {
        boolean identified = identifier(errors, "isbn", request.isbn(), Isbn::parse)
                | identifier(errors, "issn", request.issn(), Issn::parse)
                | identifier(errors, "doi", request.doi(), Doi::parse)
                | identifier(errors, "oclcNumber", request.oclcNumber(), OclcNumber::parse);
        if (blank(request.title()) && blank(request.journalTitle()) && !identified) {
            errors.add("title", "give the title, the journal title or an identifier (ISBN, ISSN, DOI or OCLC number)");
        }
        longest(errors, "title", request.title(), MAX_TITLE);
        longest(errors, "journalTitle", request.journalTitle(), MAX_TITLE);
        longest(errors, "articleTitle", request.articleTitle(), MAX_TITLE);
        longest(errors, "author", request.author(), 300);
        longest(errors, "volume", request.volume(), 50);
        longest(errors, "issue", request.issue(), 50);
        longest(errors, "pages", request.pages(), 100);
        longest(errors, "edition", request.edition(), 50);
    }

    private static void cost(PatronRequest request, FieldErrors errors) {
        BigDecimal cost = request.maximumCost();
        if (cost != null && cost.signum() < 0) {
            errors.add("maximumCost", "must not be negative");
        } else if (cost != null && cost.stripTrailingZeros().scale() > 2) {
            errors.add("maximumCost", "at most two decimal places");
        }
        String currency = request.maximumCostCurrency();
        if (present(currency) && !isCurrency(currency.strip())) {
            errors.add("maximumCostCurrency", "not an ISO 4217 currency code such as CAD");
        }
    }

    /** Valid identifiers count towards "what is asked for"; an invalid one is an error that says why. */
    private static boolean identifier(FieldErrors errors, String field, String value, Consumer<String> parse) {
        if (blank(value)) {
            return false;
        }
        try {
            parse.accept(value);
            return true;
        } catch (InvalidIdentifierException invalid) {
            errors.add(field, "not a valid " + invalid.kind() + ": " + invalid.reason());
            return false;
        }
    }

    private static boolean required(FieldErrors errors, String field, String value, int maxLength) {
        if (blank(value)) {
            errors.add(field, "required");
            return false;
        }
        return longest(errors, field, value, maxLength);
    }

    private static boolean longest(FieldErrors errors, String field, String value, int maxLength) {
        if (present(value) && value.strip().length() > maxLength) {
            errors.add(field, "at most " + maxLength + " characters");
            return false;
        }
        return true;
    }

    /** One plain address (no display name, no list), with a domain that has a dot: what a notification can be sent to. */
    private static boolean isEmailAddress(String text) {
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            int at = text.lastIndexOf('@');
            return address.getAddress().equals(text) && at > 0 && text.indexOf('.', at) > at + 1;
        } catch (AddressException invalid) {
            return false;
        }
    }

    private static boolean isCurrency(String code) {
        try {
            return code.length() == 3 && Currency.getInstance(code.toUpperCase(Locale.ROOT)) != null;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static boolean present(String value) {
        return !blank(value);
    }
}
