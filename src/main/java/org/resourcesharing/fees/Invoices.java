package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.resourcesharing.fees.CurrencyConverter.Conversion;
import org.resourcesharing.fees.Posting.AccountType;
import org.resourcesharing.fees.Posting.Direction;
import org.resourcesharing.fees.Posting.Kind;
import org.resourcesharing.iso18626.Partner;
import org.resourcesharing.platform.FieldErrors;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;

/**
 * A partner's invoice for a period: every posting on its account posted on the days of the period
 * (in the library's time zone), in the partner's currency (the partner directory's {@code currency}).
 *
 * <ul>
 * <li>What the partner owes us (receivable) counts positive, what we owe it (payable) negative, a
 * reversal negative against its charge: the total is what the partner owes for the period.</li>
 * <li>A posting in the partner's currency is taken as it is. When the partner's currency is the home
 * currency, a posting in another currency is taken at its home amount, as the ledger converted it.
 * Otherwise it is converted by the {@link CurrencyConverter} at the rate of the posting's rate date
 * (the day it was posted; a reversal's is its original's, so the two cancel exactly). Each line shows
 * the rate used, its date and source.</li>
 * <li>Each line is rounded (half-even, once, by the converter) to the partner currency's minor unit,
 * and the total is the exact sum of the lines, so the invoice adds up.</li>
 * <li>A posting that cannot be converted (no rate within the allowed age) refuses the whole invoice,
 * naming the posting: an invoice is never made with a guessed rate.</li>
 * </ul>
 */
class Invoices {

    /**
     * @param amount        signed, in {@code currency}: positive what the partner owes us, negative what we owe it
     * @param invoiceAmount {@code amount} in the invoice's currency
     * @param rate          invoice currency per unit of {@code currency}; 1 when they are the same
     */
    record InvoiceLine(UUID postingId, LocalDate date, String businessKey, String title, Kind kind, Direction direction, BigDecimal amount,
            String currency, BigDecimal rate, LocalDate rateDate, String rateSource, BigDecimal invoiceAmount, UUID reverses) {
    }

    /** @param total the sum of the lines' invoice amounts: what the partner owes for the period (negative: what we owe it) */
    record Invoice(String number, String agencyId, String partnerName, String currency, LocalDate from, LocalDate to, LocalDate issued,
            List<String> issuer, String paymentTerms, List<InvoiceLine> lines, BigDecimal total) {
    }

    private final Ledger ledger;
    private final Function<String, Optional<Partner>> partners;
    private final CurrencyConverter converter;
    private final RequestTitles titles;
    private final PaymentUnits units;
    private final FeesProperties properties;
    private final Clock clock;

    /** @param partners the partner directory's lookup by agency id ({@code PartnerDirectory::find}) */
    Invoices(Ledger ledger, Function<String, Optional<Partner>> partners, CurrencyConverter converter, RequestTitles titles, PaymentUnits units,
            FeesProperties properties, Clock clock) {
        this.ledger = ledger;
        this.partners = partners;
        this.converter = converter;
        this.titles = titles;
        this.units = units;
        this.properties = properties;
        this.clock = clock.withZone(properties.zone());
    }

    /**
     * @return empty when the partner directory has no such partner
     * @throws InvalidRequestException for a wrong period, or naming each posting that cannot be converted
     */
    Optional<Invoice> invoice(String agencyId, LocalDate from, LocalDate to) {
        Optional<Partner> partner = partners.apply(agencyId);
        if (partner.isEmpty()) {
            return Optional.empty();
        }
        String currency = partner.get().currency();
        List<Posting> postings = ledger.postedBetween(AccountType.PARTNER, agencyId, from, to);
        Map<String, String> requestTitles = titles.of(postings);
        FieldErrors errors = new FieldErrors();
        List<InvoiceLine> lines = new ArrayList<>();
        for (Posting posting : postings) {
            BigDecimal signed = posting.direction() == Direction.PAYABLE ? posting.amount().negate() : posting.amount();
            Conversion converted;
            try {
                converted = inInvoiceCurrency(posting, signed, currency);
            } catch (InvalidRequestException refused) {
                refused.errors().forEach(error -> errors.add("postings", "posting " + posting.id() + " of " + ledger.dayOf(posting) + " ("
                        + posting.amount().toPlainString() + " " + posting.currency() + "): " + error.reason()));
                continue;
            }
            lines.add(new InvoiceLine(posting.id(), ledger.dayOf(posting), posting.businessKey(),
                    requestTitles.get(posting.businessKey()), posting.kind(), posting.direction(), signed, posting.currency(), converted.rate(),
                    converted.rateDate(), converted.rateSource(), converted.amount(), posting.reverses()));
        }
        errors.throwIfAny();
        BigDecimal total = lines.stream().map(InvoiceLine::invoiceAmount)
                .reduce(units.find(currency).map(unit -> unit.scaled(BigDecimal.ZERO)).orElse(BigDecimal.ZERO), BigDecimal::add);
        FeesProperties.Invoicing invoicing = properties.invoices();
        return Optional.of(new Invoice(number(agencyId, from, to), agencyId, partner.get().name(), currency, from, to, LocalDate.now(clock),
                invoicing.issuer(), invoicing.paymentTerms(), List.copyOf(lines), total));
    }

    private Conversion inInvoiceCurrency(Posting posting, BigDecimal signed, String currency) {
        if (posting.currency().equals(currency)) {
            return new Conversion(signed, currency, BigDecimal.ONE, posting.rateDate() != null ? posting.rateDate() : ledger.dayOf(posting),
                    Ledger.SAME_CURRENCY);
        }
        if (currency.equals(posting.homeCurrency()) && posting.homeAmount() != null) {
            BigDecimal home = posting.direction() == Direction.PAYABLE ? posting.homeAmount().negate() : posting.homeAmount();
            return new Conversion(home, currency, posting.exchangeRate(), posting.rateDate(), posting.rateSource());
        }
        return converter.convert(signed, posting.currency(), currency, posting.rateDate() != null ? posting.rateDate() : ledger.dayOf(posting));
    }

    /** The same partner and period give the same number: e.g. CA-OKQ-20261101-20261130. */
    static String number(String agencyId, LocalDate from, LocalDate to) {
        String agency = agencyId.contains(":") ? agencyId.substring(agencyId.indexOf(':') + 1) : agencyId;
        return agency.replaceAll("[^A-Za-z0-9-]", "-") + "-" + from.format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                + to.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
