package org.resourcesharing.copyright;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParser;
import org.resourcesharing.platform.TikaParsers;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Whether a file is a PDF a borrower can open, and how many pages it has: the type is read from the
 * content (never from the file name), the whole document is parsed, and a password or damage is
 * named as the problem.
 */
public class PdfCheck {

    private static final String PDF = "application/pdf";
    private static final byte[] END_OF_FILE = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    // readers accept up to 1024 bytes of trailing garbage after the end-of-file marker
    private static final int END_OF_FILE_WINDOW = 1024;

    /** The page count of a readable PDF, or the problem (in words staff can act on) when it is not one. */
    public record Result(Integer pageCount, String problem) {

        static Result pages(int pageCount) {
            return new Result(pageCount, null);
        }

        static Result problem(String problem) {
            return new Result(null, problem);
        }

        public boolean readable() {
            return problem == null;
        }
    }

    public Result check(byte[] file) {
        if (file.length == 0) {
            return Result.problem("The file is empty.");
        }
        String type = MediaType.parse(TikaParsers.tika().detect(file)).getBaseType().toString();
        if (!PDF.equals(type)) {
            return Result.problem("This file is not a PDF (its content is " + type + "). Save the scan as PDF and upload that.");
        }
        // PDFBox repairs what it can and would count the pages of a cut-off file without complaint
        if (!hasEndOfFileMarker(file)) {
            return Result.problem("This PDF is incomplete (it has no end-of-file marker): the scan or the copy was probably "
                    + "interrupted. Save it again and upload the new file.");
        }
        Metadata metadata = new Metadata();
        try (TikaInputStream in = TikaInputStream.get(file)) {
            new PDFParser().parse(in, new DefaultHandler(), metadata, new ParseContext());
        } catch (EncryptedDocumentException encrypted) {
            return Result.problem("This PDF is password-protected. Save it without a password and upload it again.");
        } catch (IOException | SAXException | TikaException damaged) {
            return Result.problem("This PDF cannot be read (" + firstLine(damaged) + "). Save it again from the scanner software.");
        }
        Integer pages = metadata.getInt(PagedText.N_PAGES);
        if (pages == null || pages < 1) {
            return Result.problem("This PDF has no pages.");
        }
        return Result.pages(pages);
    }

    private static boolean hasEndOfFileMarker(byte[] file) {
        int from = Math.max(0, file.length - END_OF_FILE_WINDOW - END_OF_FILE.length);
        for (int start = file.length - END_OF_FILE.length; start >= from; start--) {
            if (matchesAt(file, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(byte[] file, int start) {
        for (int i = 0; i < END_OF_FILE.length; i++) {
            if (file[start + i] != END_OF_FILE[i]) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
