package org.resourcesharing.fees;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.resourcesharing.fees.DayParameter.Days;
import org.resourcesharing.fees.Invoices.Invoice;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A partner's invoice for a period, for resource-sharing staff: {@code GET
 * /api/fees/invoices/{agencyId}?from=2026-11-01&to=2026-11-30} with {@code Accept: application/pdf},
 * {@code text/csv} or {@code application/json} (the default).
 */
@RestController
@RequestMapping("/api/fees/invoices")
class InvoiceController {

    static final String[] CSV_COLUMNS = {"date", "posting_id", "business_key", "title", "kind", "direction", "amount", "currency", "rate",
        "rate_date", "rate_source", "invoice_amount", "invoice_currency", "reverses"};
    private static final List<MediaType> OFFERED = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PDF, DayParameter.CSV);

    private final Invoices invoices;

    InvoiceController(Invoices invoices) {
        this.invoices = invoices;
    }

    @GetMapping("/{agencyId}")
    ResponseEntity<?> invoice(@PathVariable String agencyId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        MediaType format = DayParameter.chosen(accept, OFFERED);
        Days period = DayParameter.period(from, to);
        Invoice invoice = invoices.invoice(agencyId, period.from(), period.to())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No partner " + agencyId));
        if (format.equals(MediaType.APPLICATION_JSON)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(invoice);
        }
        boolean pdf = format.equals(MediaType.APPLICATION_PDF);
        byte[] body = pdf ? InvoicePdf.render(invoice) : csv(invoice).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : new MediaType(DayParameter.CSV, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("invoice-" + invoice.number() + (pdf ? ".pdf" : ".csv")).build().toString())
                .body(body);
    }

    /** One row per line; the last row, "Total" in the title column, has the total in invoice_amount. */
    static String csv(Invoice invoice) {
        CsvText csv = new CsvText(CSV_COLUMNS);
        invoice.lines().forEach(line -> csv.row(line.date(), line.postingId(), line.businessKey(), line.title(), line.kind(),
                line.direction(), line.amount(), line.currency(), line.rate(), line.rateDate(), line.rateSource(), line.invoiceAmount(),
                invoice.currency(), line.reverses()));
        csv.row(null, null, null, "Total", null, null, null, null, null, null, null, invoice.total(), invoice.currency(), null);
        return csv.toString();
    }
}
