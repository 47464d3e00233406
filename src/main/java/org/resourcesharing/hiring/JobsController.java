package org.resourcesharing.hiring;

import java.util.List;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public pages of student hiring, for students who have no account here: {@code /jobs} lists the
 * open postings, {@code /jobs/{postingNumber}} shows one with its application form, and
 * {@code /jobs/offers/{token}} is where a candidate accepts or declines an offer, {@code /jobs/shifts/{token}}
 * where a student takes an absent colleague's shift. The link's
 * unguessable token is the credential; its page asks first and acts only on its button (a POST with
 * the CSRF token), so that mail scanners following links answer nothing. An answer whose process moved on at every
 * attempt to hand it over ({@link ProcessChangeRetry}) shows the page again, with 503 and {@code Retry-After},
 * asking to try again: nothing was recorded.
 */
@Controller
class JobsController {

    private final Postings postings;
    private final Applications applications;
    private final JobApplicationForm form;
    private final OfferAnswers answers;
    private final ShiftCoverage shifts;
    private final ShiftAnswers shiftAnswers;

    JobsController(Postings postings, Applications applications, JobApplicationForm form, OfferAnswers answers, ShiftCoverage shifts,
            ShiftAnswers shiftAnswers) {
        this.postings = postings;
        this.applications = applications;
        this.form = form;
        this.answers = answers;
        this.shifts = shifts;
        this.shiftAnswers = shiftAnswers;
    }

    /** The link in a shift offer: what the shift is, and a button to take it. */
    @GetMapping("/jobs/shifts/{token}")
    ModelAndView shift(@PathVariable String token, HttpServletResponse response) {
        privatePage(response);
        return shifts.offerByToken(token).map(offer -> shiftPage(offer, null, HttpStatus.OK))
                .orElseGet(() -> new ModelAndView("hiring/offer-unknown", HttpStatus.NOT_FOUND));
    }

    /** The student takes the shift: the first one gets it; later ones, or one over their weekly hours, are told why not. */
    @PostMapping("/jobs/shifts/{token}")
    ModelAndView takeShift(@PathVariable String token, HttpServletResponse response) {
        privatePage(response);
        Optional<ShiftCoverage.Offer> offer = shifts.offerByToken(token);
        if (offer.isEmpty()) {
            return new ModelAndView("hiring/offer-unknown", HttpStatus.NOT_FOUND);
        }
        ShiftCoverage.Acceptance outcome;
        try {
            outcome = shiftAnswers.take(offer.get());
        } catch (ProcessBusyException busy) {
            return ProcessChangeRetry.tryAgainLater(shiftPage(offer.get(), null, HttpStatus.SERVICE_UNAVAILABLE), response);
        }
        return shiftPage(shifts.offerByToken(token).orElseThrow(), outcome,
                outcome == ShiftCoverage.Acceptance.ACCEPTED ? HttpStatus.OK : HttpStatus.CONFLICT);
    }

    private ModelAndView shiftPage(ShiftCoverage.Offer offer, ShiftCoverage.Acceptance outcome, HttpStatus status) {
        ModelAndView page = new ModelAndView("hiring/shift", status);
        ShiftCoverage.Absence absence = shifts.absence(offer.absenceId()).orElseThrow();
        page.addObject("offer", offer);
        page.addObject("absence", absence);
        page.addObject("slot", JobApplicationForm.SLOTS.get(absence.slot()));
        page.addObject("token", offer.token());
        page.addObject("outcome", outcome == null ? null : outcome.name());
        page.addObject("open", "OFFERED".equals(offer.status()) && "OPEN".equals(absence.status()));
        return page;
    }

    @GetMapping("/jobs")
    ModelAndView openPostings() {
        return new ModelAndView("hiring/jobs", Map.of("postings", postings.open()));
    }

    @GetMapping("/jobs/{postingNumber}")
    ModelAndView posting(@PathVariable String postingNumber) {
        return postings.find(postingNumber).filter(Postings.Posting::open)
                .map(posting -> applicationPage(posting, Map.of(), emptyForm(), HttpStatus.OK))
                .orElseGet(JobsController::closed);
    }

    @PostMapping("/jobs/{postingNumber}/applications")
    ModelAndView apply(@PathVariable String postingNumber, @RequestParam(required = false) String applicantName,
            @RequestParam(required = false) String studentNumber, @RequestParam(required = false) String email,
            @RequestParam(required = false) String program, @RequestParam(required = false) String credits,
            @RequestParam(required = false) List<String> availability, @RequestParam(required = false) MultipartFile resume,
            @RequestParam(defaultValue = "false") boolean consent) {
        Optional<Postings.Posting> posting = postings.find(postingNumber).filter(Postings.Posting::open);
        if (posting.isEmpty()) {
            return closed();
        }
        JobApplicationForm.Submitted submitted = new JobApplicationForm.Submitted(applicantName, studentNumber, email, program, credits,
                availability == null ? List.of() : availability, resume, consent);
        JobApplicationForm.Result result = form.submit(postingNumber, submitted);
        if (!result.errors().isEmpty()) {
            return applicationPage(posting.get(), result.errors(), submitted, HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("hiring/application-received",
                Map.of("posting", posting.get(), "applicationNumber", result.applicationNumber(), "email", submitted.email().strip()));
    }

    @GetMapping("/jobs/offers/{token}")
    ModelAndView offer(@PathVariable String token, @RequestParam(required = false) String done, HttpServletResponse response) {
        privatePage(response);
        return applications.byOfferToken(token).map(candidate -> offerPage(candidate, token, done, HttpStatus.OK))
                .orElseGet(() -> new ModelAndView("hiring/offer-unknown", HttpStatus.NOT_FOUND));
    }

    /** The candidate's answer: {@code answer} is accept or decline. */
    @PostMapping("/jobs/offers/{token}")
    ModelAndView answer(@PathVariable String token, @RequestParam(required = false) String answer, HttpServletResponse response) {
        privatePage(response);
        Optional<Applications.Application> found = applications.byOfferToken(token);
        if (found.isEmpty()) {
            return new ModelAndView("hiring/offer-unknown", HttpStatus.NOT_FOUND);
        }
        if (!"accept".equals(answer) && !"decline".equals(answer)) {
            ModelAndView page = offerPage(found.get(), token, null, HttpStatus.BAD_REQUEST);
            page.addObject("error", "Choose whether you accept the offer.");
            return page;
        }
        try {
            if (!answers.answer(found.get(), "accept".equals(answer))) {
                return offerPage(found.get(), token, null, HttpStatus.CONFLICT);
            }
        } catch (ProcessBusyException busy) {
            return ProcessChangeRetry.tryAgainLater(offerPage(found.get(), token, null, HttpStatus.SERVICE_UNAVAILABLE), response);
        }
        return new ModelAndView("redirect:/jobs/offers/" + token + "?done=" + answer);
    }

    private ModelAndView offerPage(Applications.Application candidate, String token, String done, HttpStatus status) {
        ModelAndView page = new ModelAndView("hiring/offer", status);
        page.addObject("candidate", candidate);
        page.addObject("posting", postings.find(candidate.postingNumber()).orElseThrow());
        page.addObject("token", token);
        page.addObject("possible", answers.waitsForAnswer(candidate));
        page.addObject("done", "accept".equals(done) || "decline".equals(done) ? done : null);
        return page;
    }

    private ModelAndView applicationPage(Postings.Posting posting, Map<String, String> errors, JobApplicationForm.Submitted values,
            HttpStatus status) {
        ModelAndView page = new ModelAndView("hiring/posting", status);
        page.addObject("posting", posting);
        page.addObject("errors", errors);
        page.addObject("values", values);
        page.addObject("slots", JobApplicationForm.SLOTS);
        return page;
    }

    private static JobApplicationForm.Submitted emptyForm() {
        return new JobApplicationForm.Submitted(null, null, null, null, null, List.of(), null, false);
    }

    private static ModelAndView closed() {
        return new ModelAndView("hiring/posting-closed", HttpStatus.NOT_FOUND);
    }

    private static void privatePage(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
