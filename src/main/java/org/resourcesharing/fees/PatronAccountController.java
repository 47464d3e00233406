package org.resourcesharing.fees;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.resourcesharing.fees.DayParameter.Days;
import org.resourcesharing.fees.PatronStatements.Statement;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Patrons' accounts, for resource-sharing staff: a patron's statement ({@code GET
 * /api/fees/statements/{patronId}}, JSON or, with {@code Accept: text/csv}, CSV) and the export of
 * every patron charge of a period for the library services platform ({@code GET
 * /api/fees/exports/patron-charges.csv?from=&to=}).
 */
@RestController
@RequestMapping("/api/fees")
class PatronAccountController {

    private static final List<MediaType> OFFERED = List.of(MediaType.APPLICATION_JSON, DayParameter.CSV);
    private static final MediaType CSV_UTF8 = new MediaType(DayParameter.CSV, StandardCharsets.UTF_8);

    private final PatronStatements statements;

    PatronAccountController(PatronStatements statements) {
        this.statements = statements;
    }

    @GetMapping("/statements/{patronId}")
    ResponseEntity<?> statement(@PathVariable String patronId, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        MediaType format = DayParameter.chosen(accept, OFFERED);
        Statement statement = statements.statement(patronId);
        if (format.equals(MediaType.APPLICATION_JSON)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(statement);
        }
        return csv(PatronStatements.csv(statement), "statement-" + patronId.replaceAll("[^A-Za-z0-9-]", "-") + ".csv");
    }

    @GetMapping("/exports/patron-charges.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Days period = DayParameter.period(from, to);
        return csv(statements.export(period.from(), period.to()), "patron-charges-" + period.from() + "-" + period.to() + ".csv");
    }

    private static ResponseEntity<byte[]> csv(String csv, String filename) {
        return ResponseEntity.ok().contentType(CSV_UTF8)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }
}
