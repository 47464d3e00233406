package org.resourcesharing.fees;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.resourcesharing.fees.ExchangeRates.ImportSummary;
import org.resourcesharing.platform.FieldErrors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exchange rates over REST: managers and administrators upload a Bank of Canada Valet observations
 * file ({@code POST /api/fees/rates}, the file as the body, {@code application/json} or {@code
 * text/csv}); resource-sharing staff list rates ({@code GET /api/fees/rates?currency=USD&from=&to=},
 * the last 30 days by default).
 */
@RestController
@RequestMapping("/api/fees/rates")
class ExchangeRateController {

    private static final int DEFAULT_DAYS = 30;

    private final ExchangeRates rates;
    private final FeesProperties properties;
    private final Clock clock;

    ExchangeRateController(ExchangeRates rates, FeesProperties properties) {
        this.rates = rates;
        this.properties = properties;
        this.clock = Clock.system(properties.zone());
    }

    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ImportSummary upload(HttpServletRequest request) throws IOException {
        long limit = properties.rates().maxFileSize().toBytes();
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        }
        ValetFile.Format format = ValetFile.formatOf(request.getContentType()).orElseThrow();
        return rates.importValet(body, format);
    }

    @GetMapping
    List<ExchangeRate> list(@RequestParam(required = false) String currency, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        FieldErrors errors = new FieldErrors();
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            errors.add("currency", "'" + currency + "' is not a currency code such as USD");
        }
        LocalDate last = DayParameter.parse(to, "to", LocalDate.now(clock), errors);
        LocalDate first = DayParameter.parse(from, "from", last == null ? null : last.minusDays(DEFAULT_DAYS), errors);
        if (first != null && last != null && first.isAfter(last)) {
            errors.add("from", from + " is after " + last);
        }
        errors.throwIfAny();
        return rates.list(currency, first, last);
    }
}
