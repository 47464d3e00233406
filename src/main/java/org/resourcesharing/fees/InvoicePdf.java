package org.resourcesharing.fees;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.resourcesharing.fees.Invoices.Invoice;
import org.resourcesharing.fees.Invoices.InvoiceLine;

/**
 * An invoice as a PDF (Apache PDFBox): Letter, landscape, the issuer, the partner, the period, one
 * row per line (date, request, title, kind, amount as posted, rate, amount in the invoice currency),
 * the total, the payment terms and the exchange rates used with their dates and sources.
 *
 * <p>It uses the standard Helvetica font, which every PDF reader has and which needs no font file:
 * it writes Western European letters (WinAnsi). A letter it lacks is written without its accent when
 * that gives one it has (ő as o), otherwise as ? (ł, Cyrillic, CJK). The CSV and JSON invoices keep
 * every character.
 */
final class InvoicePdf {

    private static final float MARGIN = 40;
    private static final float LINE = 14;
    private static final float TEXT_SIZE = 9;
    private static final String[] HEADINGS = {"Date", "Request", "Title", "Kind", "Amount", "Rate", "Amount"};
    private static final float[] WIDTHS = {62, 130, 178, 112, 80, 75, 75};
    private static final boolean[] RIGHT = {false, false, false, false, true, true, true};

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDDocument document = new PDDocument();
    private PDPageContentStream page;
    private float y;

    private InvoicePdf() {
    }

    static byte[] render(Invoice invoice) {
        InvoicePdf pdf = new InvoicePdf();
        try {
            return pdf.write(invoice);
        } catch (IOException e) {
            throw new UncheckedIOException("The invoice PDF could not be written", e);
        }
    }

    private byte[] write(Invoice invoice) throws IOException {
        try (document) {
            PDDocumentInformation information = new PDDocumentInformation();
            information.setTitle("Invoice " + invoice.number());
            information.setSubject("Interlibrary loan charges " + invoice.from() + " to " + invoice.to() + " for " + invoice.partnerName());
            document.setDocumentInformation(information);
            newPage();
            for (int i = 0; i < invoice.issuer().size(); i++) {
                text(i == 0 ? bold : regular, 11, MARGIN, invoice.issuer().get(i));
                y -= LINE;
            }
            y -= LINE / 2;
            text(bold, 16, MARGIN, "Invoice " + invoice.number());
            y -= LINE * 1.5f;
            text(regular, 11, MARGIN, "To: " + invoice.partnerName() + " (" + invoice.agencyId() + ")");
            y -= LINE;
            text(regular, 11, MARGIN, "Period: " + invoice.from() + " to " + invoice.to() + "     Issued: " + invoice.issued()
                    + "     Currency: " + invoice.currency());
            y -= LINE * 2;
            headings(invoice.currency());
            for (InvoiceLine line : invoice.lines()) {
                if (y < MARGIN + LINE * 2) {
                    newPage();
                    headings(invoice.currency());
                }
                row(regular, line.date().toString(), line.businessKey(), line.title(), kind(line),
                        line.amount().toPlainString() + " " + line.currency(), line.rate().toPlainString(), line.invoiceAmount().toPlainString());
            }
            if (invoice.lines().isEmpty()) {
                text(regular, TEXT_SIZE, MARGIN, "No charges in this period.");
                y -= LINE;
            }
            page.moveTo(MARGIN, y + LINE - 3);
            page.lineTo(MARGIN + sum(WIDTHS), y + LINE - 3);
            page.stroke();
            String total = "Total " + invoice.currency() + " " + invoice.total().toPlainString();
            text(bold, 11, MARGIN + sum(WIDTHS) - width(bold, 11, total), total);
            y -= LINE * 2;
            if (!invoice.paymentTerms().isBlank()) {
                text(regular, TEXT_SIZE, MARGIN, invoice.paymentTerms());
                y -= LINE * 1.5f;
            }
            rates(invoice);
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The rates used, each once: a reader can check every converted line. */
    private void rates(Invoice invoice) throws IOException {
        Set<String> used = new LinkedHashSet<>();
        for (InvoiceLine line : invoice.lines()) {
            if (!line.currency().equals(invoice.currency())) {
                used.add(line.rate().toPlainString() + " " + invoice.currency() + " per " + line.currency() + ", rate of " + line.rateDate()
                        + " (" + line.rateSource() + ")");
            }
        }
        if (used.isEmpty()) {
            return;
        }
        text(bold, TEXT_SIZE, MARGIN, "Exchange rates used (each line converted at its rate, rounded half-even to the "
                + invoice.currency() + " minor unit):");
        y -= LINE;
        for (String rate : used) {
            if (y < MARGIN) {
                newPage();
            }
            text(regular, TEXT_SIZE, MARGIN, rate);
            y -= LINE;
        }
    }

    private void headings(String currency) throws IOException {
        String[] headings = HEADINGS.clone();
        headings[headings.length - 1] = "Amount " + currency;
        row(bold, headings);
    }

    private void row(PDType1Font font, String... cells) throws IOException {
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            String cell = fit(font, cells[i] == null ? "" : printable(font, cells[i]), WIDTHS[i] - 6);
            text(font, TEXT_SIZE, RIGHT[i] ? x + WIDTHS[i] - 6 - width(font, TEXT_SIZE, cell) : x, cell);
            x += WIDTHS[i];
        }
        y -= LINE;
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage next = new PDPage(new PDRectangle(PDRectangle.LETTER.getHeight(), PDRectangle.LETTER.getWidth()));
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = next.getMediaBox().getHeight() - MARGIN - LINE;
    }

    private void text(PDType1Font font, float size, float x, String text) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, y);
        page.showText(printable(font, text));
        page.endText();
    }

    private static String kind(InvoiceLine line) {
        String kind = line.kind().name().charAt(0) + line.kind().name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        return line.reverses() != null ? kind + " (reversal)" : kind;
    }

    /** Cut to the width, with "..." when cut. */
    private static String fit(PDType1Font font, String text, float width) throws IOException {
        if (width(font, TEXT_SIZE, text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && width(font, TEXT_SIZE, cut + "...") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.stripTrailing() + "...";
    }

    /** What the font can write: an accent it lacks is dropped, any other letter it lacks becomes ?. */
    private static String printable(PDType1Font font, String text) {
        StringBuilder printable = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            String character = Character.isWhitespace(codePoint) ? " " : Character.toString(codePoint);
            if (!encodable(font, character)) {
                String base = Normalizer.normalize(character, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                character = !base.isEmpty() && encodable(font, base) ? base : "?";
            }
            printable.append(character);
        });
        return printable.toString();
    }

    private static boolean encodable(PDType1Font font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IllegalArgumentException | IOException notInTheFont) {
            return false;
        }
    }

    private static float width(PDType1Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private static float sum(float[] values) {
        float sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum;
    }
}
