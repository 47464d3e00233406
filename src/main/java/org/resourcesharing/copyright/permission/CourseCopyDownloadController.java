package org.resourcesharing.copyright.permission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /course-copies/{token}}: the link in the instructor's email to the copy the copyright team
 * uploaded. Public on purpose, outside every Spring Security chain, like the interlibrary loan copies'
 * links: instructors have no account here, and the unguessable token is the credential.
 */
@Controller
class CourseCopyDownloadController {

    private final CourseCopies copies;

    CourseCopyDownloadController(CourseCopies copies) {
        this.copies = copies;
    }

    @GetMapping("/course-copies/{token}")
    ModelAndView download(@PathVariable String token, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        response.setHeader("Referrer-Policy", "no-referrer");
        var found = copies.find(token);
        if (found.isEmpty()) {
            return new ModelAndView("copyright/copy-unavailable", Map.of("gone", false), HttpStatus.NOT_FOUND);
        }
        CourseCopies.Stored copy = found.get();
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(copy.fileName(), StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLengthLong(Files.size(copy.file()));
        Files.copy(copy.file(), response.getOutputStream());
        return null;
    }
}
