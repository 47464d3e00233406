package org.resourcesharing.borrowing;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.resourcesharing.platform.ProcessChangeRetry.ProcessBusyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /requests/{token}}: the page the patron's emails link to, and the patron's own actions
 * on it ({@code /requests/{token}/cancellation}, {@code /renewal}, {@code /cost}), which the emails link
 * to as well. No login: the unguessable token is the credential, so the pages show only what the
 * request is and where it stands, nothing about the patron, staff or lenders; they are never cached or
 * indexed and never send the token on as a referrer. An action link opens a page that asks first and
 * acts only on its button (a POST): mail scanners that follow links must not cancel anything. A request moving on
 * at every attempt to hand it the action (see {@link PatronEvents}) shows the page again, with 503 and
 * {@code Retry-After}, asking the patron to try again.
 */
@Controller
class RequestStatusController {

    private static final DateTimeFormatter SUBMITTED = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** What a patron can do from the emails, and the event each delivers to the borrowing process. */
    enum PatronAction {
        CANCELLATION("cancellation", PatronEvents.CANCELLED),
        RENEWAL("renewal", PatronEvents.RENEWAL_ASKED),
        COST("cost", PatronEvents.ACCEPTS_COST);

        final String path;
        final String event;

        PatronAction(String path, String event) {
            this.path = path;
            this.event = event;
        }

        static Optional<PatronAction> at(String path) {
            return Arrays.stream(values()).filter(action -> action.path.equals(path)).findFirst();
        }

        public String path() {
            return path;
        }
    }

    private final BorrowingRequests requests;
    private final RequestStanding standing;
    private final PatronEvents events;
    private final BorrowingProperties properties;

    RequestStatusController(BorrowingRequests requests, RequestStanding standing, PatronEvents events, BorrowingProperties properties) {
        this.requests = requests;
        this.standing = standing;
        this.events = events;
        this.properties = properties;
    }

    @GetMapping("/requests/{token}")
    ModelAndView status(@PathVariable String token, @RequestParam(required = false) String done, HttpServletResponse response) {
        privatePage(response);
        Optional<BorrowingRequests.StoredRequest> found = requests.byStatusToken(token);
        if (found.isEmpty()) {
            return unknown();
        }
        BorrowingRequests.StoredRequest request = found.get();
        ModelAndView page = page("borrowing/status", request, token);
        page.addObject("standing", standing.of(request.businessKey()));
        page.addObject("actions", Arrays.stream(PatronAction.values()).filter(action -> events.waitsFor(request.businessKey(), action.event))
                .map(PatronAction::path).toList());
        page.addObject("done", PatronAction.at(done == null ? "" : done).map(PatronAction::path).orElse(null));
        return page;
    }

    @GetMapping("/requests/{token}/{action:cancellation|renewal|cost}")
    ModelAndView confirm(@PathVariable String token, @PathVariable String action, HttpServletResponse response) {
        privatePage(response);
        Optional<BorrowingRequests.StoredRequest> found = requests.byStatusToken(token);
        if (found.isEmpty()) {
            return unknown();
        }
        return actionPage(found.get(), token, PatronAction.at(action).orElseThrow());
    }

    /** The patron confirmed; {@code answer} is only asked for the cost (accept or decline). */
    @PostMapping("/requests/{token}/{action:cancellation|renewal|cost}")
    ModelAndView act(@PathVariable String token, @PathVariable String action, @RequestParam(required = false) String answer,
            HttpServletResponse response) {
        privatePage(response);
        Optional<BorrowingRequests.StoredRequest> found = requests.byStatusToken(token);
        if (found.isEmpty()) {
            return unknown();
        }
        BorrowingRequests.StoredRequest request = found.get();
        PatronAction patronAction = PatronAction.at(action).orElseThrow();
        String event = patronAction != PatronAction.COST ? patronAction.event
                : "decline".equals(answer) ? PatronEvents.DECLINES_COST : "accept".equals(answer) ? PatronEvents.ACCEPTS_COST : null;
        if (event == null) {
            ModelAndView page = actionPage(request, token, patronAction);
            page.addObject("error", "Choose whether you accept the cost.");
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
        try {
            if (!events.deliver(request.businessKey(), event, Map.of())) {
                return actionPage(request, token, patronAction);
            }
        } catch (ProcessBusyException busy) {
            return ProcessChangeRetry.tryAgainLater(actionPage(request, token, patronAction), response);
        }
        return new ModelAndView("redirect:/requests/" + token + "?done=" + patronAction.path);
    }

    /** The page that asks the patron to confirm; when the request no longer waits for the action, a page that says so (409). */
    private ModelAndView actionPage(BorrowingRequests.StoredRequest request, String token, PatronAction action) {
        ModelAndView page = page("borrowing/action", request, token);
        page.addObject("action", action.path);
        boolean possible = events.waitsFor(request.businessKey(), action.event);
        page.addObject("possible", possible);
        if (!possible) {
            page.addObject("standing", standing.of(request.businessKey()));
            page.setStatus(HttpStatus.CONFLICT);
        }
        if (possible && action == PatronAction.COST) {
            page.addObject("cost", events.costAwaitingConsent(request.businessKey()).orElse(null));
        }
        return page;
    }

    private ModelAndView page(String view, BorrowingRequests.StoredRequest request, String token) {
        ModelAndView page = new ModelAndView(view);
        page.addObject("request", request);
        page.addObject("token", token);
        page.addObject("serviceType", request.serviceType().inWords());
        page.addObject("submitted", SUBMITTED.format(request.createdAt().atZone(properties.zone())));
        return page;
    }

    private static ModelAndView unknown() {
        return new ModelAndView("borrowing/request-unknown", HttpStatus.NOT_FOUND);
    }

    private static void privatePage(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
