package org.resourcesharing.borrowing;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /requests/{token}}: the page the patron's emails link to. No login: the unguessable
 * token is the credential, so the page shows only what the request is and where it stands, nothing
 * about the patron, staff or lenders; it is never cached or indexed and never sends the token on as a referrer.
 */
@Controller
class RequestStatusController {

    private static final DateTimeFormatter SUBMITTED = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final BorrowingRequests requests;
    private final RequestStanding standing;
    private final BorrowingProperties properties;

    RequestStatusController(BorrowingRequests requests, RequestStanding standing, BorrowingProperties properties) {
        this.requests = requests;
        this.standing = standing;
        this.properties = properties;
    }

    @GetMapping("/requests/{token}")
    ModelAndView status(@PathVariable String token, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        response.setHeader("Referrer-Policy", "no-referrer");
        Optional<BorrowingRequests.StoredRequest> found = requests.byStatusToken(token);
        if (found.isEmpty()) {
            return new ModelAndView("borrowing/request-unknown", HttpStatus.NOT_FOUND);
        }
        BorrowingRequests.StoredRequest request = found.get();
        ModelAndView page = new ModelAndView("borrowing/status");
        page.addObject("request", request);
        page.addObject("serviceType", request.serviceType().inWords());
        page.addObject("submitted", SUBMITTED.format(request.createdAt().atZone(properties.zone())));
        page.addObject("standing", standing.of(request.businessKey()));
        return page;
    }
}
