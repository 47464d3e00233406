package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.resourcesharing.fees.Posting.AccountType;
import org.resourcesharing.fees.Posting.Direction;
import org.resourcesharing.fees.Posting.Kind;

/**
 * A patron's account statement, and the export of patrons' charges for the library services
 * platform. Amounts are signed: positive what the patron owes us, negative what we owe the patron (a
 * reversal cancels its charge with a negative line).
 */
class PatronStatements {

    /** @param homeAmount signed, in the home currency, as the ledger converted it; null for a posting never converted */
    record StatementLine(UUID postingId, LocalDate date, String businessKey, String title, Kind kind, BigDecimal amount, String currency,
            BigDecimal homeAmount, String homeCurrency, UUID reverses, String reason) {
    }

    /**
     * @param balances    per currency, what the patron owes (the sum of the lines in each currency)
     * @param homeBalance the sum of the lines' home amounts; null when a line has none
     */
    record Statement(String patronId, LocalDate issued, List<StatementLine> lines, Map<String, BigDecimal> balances, String homeCurrency,
            BigDecimal homeBalance) {
    }

    static final String[] STATEMENT_COLUMNS = {"date", "posting_id", "business_key", "title", "kind", "amount", "currency", "home_amount",
        "home_currency", "reverses", "reason"};
    static final String[] EXPORT_COLUMNS = {"posting_id", "posted_at", "patron_id", "kind", "amount", "currency", "home_amount",
        "home_currency", "business_key", "title", "reason", "reverses"};

    private final Ledger ledger;
    private final RequestTitles titles;
    private final String homeCurrency;
    private final int homeDecimals;
    private final Clock clock;

    PatronStatements(Ledger ledger, RequestTitles titles, FeesProperties properties, Clock clock) {
        this.ledger = ledger;
        this.titles = titles;
        this.homeCurrency = properties.homeCurrency().getCurrencyCode();
        this.homeDecimals = properties.homeCurrency().getDefaultFractionDigits();
        this.clock = clock.withZone(properties.zone());
    }

    /** Every posting on the patron's account, oldest first; an account without postings has no lines. */
    Statement statement(String patronId) {
        List<Posting> postings = ledger.postingsFor(AccountType.PATRON, patronId);
        Map<String, String> requestTitles = titles.of(postings);
        List<StatementLine> lines = postings.stream()
                .map(posting -> new StatementLine(posting.id(), ledger.dayOf(posting), posting.businessKey(),
                        requestTitles.get(posting.businessKey()), posting.kind(), signed(posting, posting.amount()), posting.currency(),
                        signed(posting, posting.homeAmount()), posting.homeCurrency(), posting.reverses(), posting.reason()))
                .toList();
        BigDecimal homeBalance = lines.stream().anyMatch(line -> line.homeAmount() == null) ? null
                : lines.stream().map(StatementLine::homeAmount).reduce(BigDecimal.ZERO.setScale(homeDecimals), BigDecimal::add);
        return new Statement(patronId, LocalDate.now(clock), lines, ledger.balance(AccountType.PATRON, patronId), homeCurrency, homeBalance);
    }

    /** The statement's lines as CSV ({@link #STATEMENT_COLUMNS}), the same values as its JSON. */
    static String csv(Statement statement) {
        CsvText csv = new CsvText(STATEMENT_COLUMNS);
        statement.lines().forEach(line -> csv.row(line.date(), line.postingId(), line.businessKey(), line.title(), line.kind(), line.amount(),
                line.currency(), line.homeAmount(), line.homeCurrency(), line.reverses(), line.reason()));
        return csv.toString();
    }

    /**
     * Every patron posting of the days {@code from} to {@code to}, for the library services platform
     * ({@link #EXPORT_COLUMNS}): posted_at in the library's time zone, signed amounts, reversals naming
     * the posting they cancel, so that the platform can add and cancel fines and fees.
     */
    String export(LocalDate from, LocalDate to) {
        List<Posting> postings = ledger.postedBetween(AccountType.PATRON, null, from, to);
        Map<String, String> requestTitles = titles.of(postings);
        CsvText csv = new CsvText(EXPORT_COLUMNS);
        for (Posting posting : postings) {
            OffsetDateTime postedAt = posting.postedAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime();
            csv.row(posting.id(), postedAt, posting.accountId(), posting.kind(), signed(posting, posting.amount()), posting.currency(),
                    signed(posting, posting.homeAmount()), posting.homeCurrency(), posting.businessKey(),
                    requestTitles.get(posting.businessKey()), posting.reason(), posting.reverses());
        }
        return csv.toString();
    }

    private static BigDecimal signed(Posting posting, BigDecimal amount) {
        return amount == null || posting.direction() == Direction.RECEIVABLE ? amount : amount.negate();
    }
}
