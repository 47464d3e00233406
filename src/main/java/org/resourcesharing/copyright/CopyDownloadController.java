package org.resourcesharing.copyright;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.resourcesharing.copyright.CopyDeliveries.Access;
import org.resourcesharing.copyright.CopyDeliveries.Available;
import org.resourcesharing.copyright.CopyDeliveries.Gone;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /copies/{token}}: the download link a borrower receives. Public on purpose, outside
 * every Spring Security chain: the person using the copy has no account here, and the unguessable
 * token is the credential. Nothing is cached or indexed, and the token is never sent on as a referrer.
 */
@Controller
class CopyDownloadController {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm z", Locale.ENGLISH);

    private final CopyDeliveries deliveries;
    private final CopiesProperties properties;

    CopyDownloadController(CopyDeliveries deliveries, CopiesProperties properties) {
        this.deliveries = deliveries;
        this.properties = properties;
    }

    @GetMapping("/copies/{token}")
    void download(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        response.setHeader("Referrer-Policy", "no-referrer");
        Access access = deliveries.open(token, request.getRemoteAddr());
        if (!(access instanceof Available copy)) {
            throw new CopyUnavailableException(access);
        }
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename(copy.fileName(), StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLengthLong(Files.size(copy.file()));
        Files.copy(copy.file(), response.getOutputStream());
    }

    /** A link checker's HEAD must not start the borrower's five days, so only GET is served. */
    @RequestMapping(path = "/copies/{token}", method = RequestMethod.HEAD)
    ResponseEntity<Void> head() {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).allow(HttpMethod.GET).build();
    }

    @ExceptionHandler(CopyUnavailableException.class)
    ModelAndView unavailable(CopyUnavailableException unavailable) {
        ModelAndView page = new ModelAndView("copyright/copy-unavailable");
        if (unavailable.access instanceof Gone gone) {
            page.setStatus(HttpStatus.GONE);
            page.addObject("gone", true);
            page.addObject("usableUntil", gone.usableUntil() == null ? null : UNTIL.format(gone.usableUntil().atZone(properties.zone())));
        } else {
            page.setStatus(HttpStatus.NOT_FOUND);
            page.addObject("gone", false);
        }
        return page;
    }

    /** Ends a download that has no file to send; the page says why. */
    static final class CopyUnavailableException extends RuntimeException {

        private final transient Access access;

        CopyUnavailableException(Access access) {
            super(null, null, false, false);
            this.access = access;
        }
    }
}
