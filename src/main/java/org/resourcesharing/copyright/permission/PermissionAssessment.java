package org.resourcesharing.copyright.permission;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.resourcesharing.copyright.permission.CopyrightDecisions.PriorUse;

/**
 * The automatic assessment of a request, explained: the arithmetic (term of protection, percentages,
 * what earlier requests of the course already copied of the work) is done here, the rules are the
 * managers' tables in bpmn/copyright-permission.dmn: the licence table, the short excerpt by kind of
 * work, and the assessment itself, which names the rule that decided.
 */
class PermissionAssessment {

    static final String LICENCES = "copyright-licences";
    static final String SHORT_EXCERPT = "copyright-short-excerpt";
    static final String ASSESSMENT = "copyright-assessment";

    enum Outcome {
        CLEARED, PERMISSION_NEEDED, NOT_DECIDABLE
    }

    /**
     * @param rule           what decided: LINK_ONLY, PUBLIC_DOMAIN, LICENCE, FAIR_DEALING or FILM
     * @param reasoning      why, with the figures
     * @param units          1 when the request is one whole unit the guidelines count (a chapter, an article, ...), else 0
     * @param shorterExcerpt what would qualify under fair dealing instead, for the instructor when permission is refused
     */
    record Assessment(Outcome outcome, String rule, String ruleName, String reasoning, Integer pageCount, int units, String shorterExcerpt) {
    }

    private final DecisionService decisions;
    private final CopyrightDecisions log;
    private final Clock clock;

    PermissionAssessment(DecisionService decisions, CopyrightDecisions log, Clock clock) {
        this.decisions = decisions;
        this.log = log;
        this.clock = clock;
    }

    Assessment assess(WorkRequest request, String businessKey) {
        CopyrightTerm.Verdict term = CopyrightTerm.assess(request.authors(), request.authorship(), request.workType(), Year.now(clock).getValue());
        Map<String, Object> excerptRule = single(SHORT_EXCERPT, Map.of("workType", request.workType().name()));
        if (excerptRule == null) {
            throw new IllegalStateException("The table " + SHORT_EXCERPT + " has no row for " + request.workType());
        }
        int percentLimit = ((Number) excerptRule.get("percentLimit")).intValue();
        String wholeUnit = (String) excerptRule.get("wholeUnit");
        int unitsAllowed = excerptRule.get("unitsAllowed") == null ? 0 : ((Number) excerptRule.get("unitsAllowed")).intValue();
        int units = wholeUnit != null && unitsAllowed > 0 && !request.linkOnly() ? 1 : 0;

        PriorUse prior = log.priorFairDealing(request.courseCode(), request.term(), request.workKey(), businessKey);
        OptionalInt pages = request.pageCount();
        Share share = new Share(pages.isPresent() ? prior.pages() + pages.getAsInt() : null, request.totalPages());
        Licence licence = licence(request, share);
        Excerpt excerpt = excerpt(request, prior, pages, share, percentLimit, wholeUnit, unitsAllowed, units);

        Map<String, Object> decided = single(ASSESSMENT, Map.of("linkOnly", request.linkOnly(), "publicDomain", term.status().name(),
                "licenceVerdict", licence.verdict(), "workType", request.workType().name(), "shortExcerpt", excerpt.verdict(),
                "forEnrolledStudents", request.students() != null && request.students() > 0));
        if (decided == null) {
            throw new IllegalStateException("The table " + ASSESSMENT + " decided nothing: it needs a last row that matches everything");
        }
        Outcome outcome = Outcome.valueOf((String) decided.get("outcome"));
        String rule = (String) decided.get("rule");
        String reasoning = switch (rule) {
            case "LINK_ONLY" -> "A persistent link to " + (request.licence() == null ? "the resource" : "a resource licensed under " + request.licence())
                    + " copies nothing; attribution goes with the link.";
            case "PUBLIC_DOMAIN" -> capitalise(term.reason()) + (outcome == Outcome.CLEARED ? "." : ", and " + notFairDealing(excerpt) + ".");
            case "LICENCE" -> licence.reason() + ".";
            case "FILM" -> "Films and videos are assessed by a person (their term and the exceptions for them depend on the film).";
            default -> fairDealing(outcome, excerpt, term, request);
        };
        String shorter = outcome == Outcome.CLEARED ? null : shorterExcerpt(request, prior, percentLimit, wholeUnit, unitsAllowed);
        return new Assessment(outcome, rule, (String) decided.get("ruleName"), reasoning, pages.isPresent() ? pages.getAsInt() : null, units,
                shorter);
    }

    /** The pages copied (this request and the earlier ones that count) out of the work's pages; either may be unknown. */
    private record Share(Integer pages, Integer total) {

        boolean known() {
            return pages != null && total != null && total > 0;
        }

        boolean within(int percent) {
            return BigDecimal.valueOf(pages).multiply(BigDecimal.valueOf(100)).compareTo(BigDecimal.valueOf((long) percent * total)) <= 0;
        }

        String inWords() {
            BigDecimal share = BigDecimal.valueOf(pages).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
            return share.toPlainString() + "% of " + total + " pages";
        }
    }

    private record Licence(String verdict, String reason) {
    }

    private Licence licence(WorkRequest request, Share share) {
        if (request.source() != Source.LICENSED_ERESOURCE || request.licence() == null || request.licence().isBlank()) {
            return new Licence("NONE", "No licence applies");
        }
        Map<String, Object> terms = single(LICENCES, Map.of("licence", request.licence().strip()));
        if (terms == null) {
            return new Licence("NONE", "The licence " + request.licence() + " is not in the licence table");
        }
        String column = request.use().electronic() ? "lmsPosting" : "coursePacks";
        String useInWords = request.use().electronic() ? "LMS posting or display in class" : "course packs or handouts";
        String named = "The licence " + request.licence().strip();
        if (!Boolean.TRUE.equals(terms.get(column))) {
            return new Licence("FORBIDS", named + " does not allow " + useInWords + ", and licence terms prevail over fair dealing");
        }
        Number limit = (Number) terms.get("percentLimit");
        if (limit == null) {
            return new Licence("ALLOWS", named + " allows " + useInWords);
        }
        if (!share.known()) {
            return new Licence("UNKNOWN", named + " allows " + useInWords + " up to " + limit + "% of a work, and the share requested cannot be worked out"
                    + " from the pages given");
        }
        return share.within(limit.intValue())
                ? new Licence("ALLOWS", named + " allows " + useInWords + " up to " + limit + "% of a work, and " + share.inWords() + " is within it")
                : new Licence("LIMIT_EXCEEDED", named + " allows " + useInWords + " only up to " + limit + "% of a work, and " + share.inWords()
                        + " exceeds it");
    }

    /** The short excerpt test, with the words for either answer. */
    private record Excerpt(String verdict, String reason, PriorUse prior) {
    }

    private static Excerpt excerpt(WorkRequest request, PriorUse prior, OptionalInt pages, Share share, int percentLimit, String wholeUnit,
            int unitsAllowed, int units) {
        int unitsCounted = prior.units() + units;
        boolean byUnit = units > 0 && unitsCounted <= unitsAllowed;
        List<String> parts = new ArrayList<>();
        String earlier = prior.requests() == 0 ? ""
                : " (with " + prior.pages() + " pages already cleared for "
                        + request.courseCode() + " in " + request.term() + ")";
        Boolean byPercent = null;
        if (request.workType() == WorkType.WHOLE_WORK && !share.known()) {
            byPercent = false;
            parts.add("a whole work is more than " + percentLimit + "% of it");
        } else if (share.known()) {
            byPercent = share.within(percentLimit);
            parts.add(share.inWords() + earlier + (byPercent ? " is within " : " exceeds ") + percentLimit + "%");
        } else {
            parts.add(pages.isEmpty() ? "the pages requested (" + request.pagesRequested() + ") cannot be counted"
                    : "the work's total number of pages is not known");
        }
        if (wholeUnit != null && unitsAllowed > 0) {
            parts.add(byUnit ? "the excerpt is one whole " + wholeUnit
                    : units == 0 ? "it is not one whole " + wholeUnit
                    : "the excerpt is more than " + (unitsAllowed == 1 ? "one " : unitsAllowed + " × ") + wholeUnit + " (it would be number "
                            + unitsCounted + " of this work for the course)");
        }
        String reason = String.join(byUnit || Boolean.TRUE.equals(byPercent) ? "; " : ", and ", parts);
        String verdict = byUnit || Boolean.TRUE.equals(byPercent) ? "YES" : byPercent == null ? "UNKNOWN" : "NO";
        return new Excerpt(verdict, reason, prior);
    }

    private static String fairDealing(Outcome outcome, Excerpt excerpt, CopyrightTerm.Verdict term, WorkRequest request) {
        String students = request.students() == null || request.students() <= 0 ? "; fair dealing covers copies for enrolled students only, and no"
                + " students are given" : "";
        return switch (outcome) {
            case CLEARED -> capitalise(excerpt.reason()) + ": a short excerpt under the fair dealing guidelines, for the students of "
                    + request.courseCode() + " only.";
            case PERMISSION_NEEDED -> capitalise(excerpt.reason()) + students + ": more than a short excerpt, so permission is needed ("
                    + term.reason() + ").";
            case NOT_DECIDABLE -> capitalise(excerpt.reason()) + students + ": a person must check the request (" + term.reason() + ").";
        };
    }

    private static String notFairDealing(Excerpt excerpt) {
        return "fair dealing does not settle it: " + excerpt.reason();
    }

    /**
     * What the instructor could use instead without permission: the pages still within the percentage
     * limit for this course and term, and a whole unit if none was used yet.
     */
    private static String shorterExcerpt(WorkRequest request, PriorUse prior, int percentLimit, String wholeUnit, int unitsAllowed) {
        List<String> options = new ArrayList<>();
        if (request.totalPages() != null && request.totalPages() > 0) {
            int pages = request.totalPages() * percentLimit / 100 - prior.pages();
            if (pages > 0) {
                options.add("up to " + pages + " pages (" + percentLimit + "% of " + request.totalPages() + " pages"
                        + (prior.pages() > 0 ? ", less the " + prior.pages() + " already cleared for " + request.courseCode() : "") + ")");
            }
        }
        if (wholeUnit != null && prior.units() < unitsAllowed) {
            options.add("one whole " + wholeUnit);
        }
        return options.isEmpty() ? "No further excerpt of this work qualifies under fair dealing for " + request.courseCode() + " in "
                + request.term() + "." : "A shorter excerpt would qualify under fair dealing: " + String.join(", or ", options) + ".";
    }

    private Map<String, Object> single(String decisionKey, Map<String, Object> inputs) {
        DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(decisionKey, Variables.fromMap(inputs)).getSingleResult();
        return result == null ? null : result.getEntryMap();
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
