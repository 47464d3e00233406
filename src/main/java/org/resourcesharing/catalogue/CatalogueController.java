package org.resourcesharing.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/catalogue/...}: the lookups the workflows make, for staff to check by hand;
 * {@code POST /api/catalogue/imports}: managers load a MARC export (binary or MARCXML) into the
 * imported catalogue.
 */
@RestController
@RequestMapping("/api/catalogue")
class CatalogueController {

    private final Catalogue catalogue;
    private final ImportedCatalogue imported;

    CatalogueController(Catalogue catalogue, ImportedCatalogue imported) {
        this.catalogue = catalogue;
        this.imported = imported;
    }

    @GetMapping("/local-holdings")
    List<CatalogueRecord> localHoldings(@RequestParam(required = false) String isbn, @RequestParam(required = false) String issn,
            @RequestParam(required = false) String oclcNumber, @RequestParam(required = false) String doi,
            @RequestParam(required = false) String title, @RequestParam(required = false) String author) {
        return catalogue.localHoldings(CatalogueQuery.of(isbn, issn, oclcNumber, doi, title, author));
    }

    @GetMapping("/holding-agencies")
    List<Catalogue.HoldingAgency> holdingAgencies(@RequestParam(required = false) String isbn, @RequestParam(required = false) String issn,
            @RequestParam(required = false) String oclcNumber, @RequestParam(required = false) String doi,
            @RequestParam(required = false) String title, @RequestParam(required = false) String author) {
        return catalogue.holdingAgencies(CatalogueQuery.of(isbn, issn, oclcNumber, doi, title, author));
    }

    @GetMapping("/lending-availability")
    Catalogue.LendingAvailability lendingAvailability(@RequestParam String agencyId, @RequestParam(required = false) String isbn,
            @RequestParam(required = false) String issn, @RequestParam(required = false) String oclcNumber,
            @RequestParam(required = false) String doi, @RequestParam(required = false) String title,
            @RequestParam(required = false) String author) {
        return catalogue.availabilityForLending(CatalogueQuery.of(isbn, issn, oclcNumber, doi, title, author), agencyId);
    }

    /** The request body is the export file itself (application/marc or application/xml). */
    @PostMapping("/imports")
    ImportedCatalogue.ImportSummary importExport(InputStream body) throws IOException {
        return imported.importMarc(body);
    }
}
