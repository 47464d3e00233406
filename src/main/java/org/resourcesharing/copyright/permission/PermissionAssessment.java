package org.resourcesharing.copyright.permission;

import static org.resourcesharing.copyright.permission.Reasoning.message;

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
 * work, and the assessment itself, which names the rule that decided. It decides once and words its
 * explanation for each reader ({@link ReasoningMessages}): in English for staff, in the instructor's
 * language for their emails.
 */
class PermissionAssessment {

    static final String LICENCES = "copyright-licences";
    static final String SHORT_EXCERPT = "copyright-short-excerpt";
    static final String ASSESSMENT = "copyright-assessment";

    enum Outcome {
        CLEARED, PERMISSION_NEEDED, NOT_DECIDABLE
    }

    /**
     * @param rule                what decided: LINK_ONLY, PUBLIC_DOMAIN, LICENCE, FAIR_DEALING or FILM
     * @param reasoning           why, with the figures, in English: for staff and the decision log
     * @param instructorReasoning the same in the instructor's language, for their emails
     * @param units               1 when the request is one whole unit the guidelines count (a chapter, an article, ...), else 0
     * @param shorterExcerpt      what would qualify under fair dealing instead, in the instructor's language, for them when permission is refused
     */
    record Assessment(Outcome outcome, String rule, String ruleName, String reasoning, String instructorReasoning, Integer pageCount, int units,
            String shorterExcerpt) {
    }

    private final DecisionService decisions;
    private final CopyrightDecisions log;
    private final Clock clock;
    private final ReasoningMessages messages;

    PermissionAssessment(DecisionService decisions, CopyrightDecisions log, Clock clock, ReasoningMessages messages) {
        this.decisions = decisions;
        this.log = log;
        this.clock = clock;
        this.messages = messages;
    }

    Assessment assess(WorkRequest request, String businessKey) {
        CopyrightTerm.Verdict term = CopyrightTerm.assess(request.authors(), request.authorship(), request.workType(), Year.now(clock).getValue());
        Map<String, Object> excerptRule = single(SHORT_EXCERPT, Map.of("workType", request.workType().name()));
        if (excerptRule == null) {
            throw new IllegalStateException("The table " + SHORT_EXCERPT + " has no row for " + request.workType());
        }
        int percentLimit = ((Number) excerptRule.get("percentLimit")).intValue();
        Reasoning wholeUnit = excerptRule.get("wholeUnit") == null ? null
                : new Reasoning.Translated((String) excerptRule.get("wholeUnit"), (String) excerptRule.get("wholeUnitFr"));
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
        Reasoning reasoning = switch (rule) {
            case "LINK_ONLY" -> request.licence() == null ? message("reasoning.linkOnly") : message("reasoning.linkOnly.licensed", request.licence());
            case "PUBLIC_DOMAIN" -> outcome == Outcome.CLEARED ? message("reasoning.publicDomain", term.reason())
                    : message("reasoning.publicDomain.notFairDealing", term.reason(), excerpt.reason());
            case "LICENCE" -> message("reasoning.licence", licence.reason());
            case "FILM" -> message("reasoning.film");
            default -> fairDealing(outcome, excerpt, term, request);
        };
        String shorter = outcome == Outcome.CLEARED ? null
                : messages.sentence(shorterExcerpt(request, prior, percentLimit, wholeUnit, unitsAllowed), request.language());
        return new Assessment(outcome, rule, (String) decided.get("ruleName"), messages.sentence(reasoning, ReasoningMessages.ENGLISH),
                messages.sentence(reasoning, request.language()), pages.isPresent() ? pages.getAsInt() : null, units, shorter);
    }

    /** The pages copied (this request and the earlier ones that count) out of the work's pages; either may be unknown. */
    private record Share(Integer pages, Integer total) {

        boolean known() {
            return pages != null && total != null && total > 0;
        }

        boolean within(int percent) {
            return BigDecimal.valueOf(pages).multiply(BigDecimal.valueOf(100)).compareTo(BigDecimal.valueOf((long) percent * total)) <= 0;
        }

        Reasoning inWords() {
            BigDecimal share = BigDecimal.valueOf(pages).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
            return message("share", share, total);
        }
    }

    private record Licence(String verdict, Reasoning reason) {
    }

    private Licence licence(WorkRequest request, Share share) {
        if (request.source() != Source.LICENSED_ERESOURCE || request.licence() == null || request.licence().isBlank()) {
            return new Licence("NONE", message("licence.none"));
        }
        Map<String, Object> terms = single(LICENCES, Map.of("licence", request.licence().strip()));
        if (terms == null) {
            return new Licence("NONE", message("licence.notInTable", request.licence()));
        }
        String column = request.use().electronic() ? "lmsPosting" : "coursePacks";
        Reasoning use = message(request.use().electronic() ? "licence.use.electronic" : "licence.use.print");
        String named = request.licence().strip();
        if (!Boolean.TRUE.equals(terms.get(column))) {
            return new Licence("FORBIDS", message("licence.forbids", named, use));
        }
        Number limit = (Number) terms.get("percentLimit");
        if (limit == null) {
            return new Licence("ALLOWS", message("licence.allows", named, use));
        }
        if (!share.known()) {
            return new Licence("UNKNOWN", message("licence.allows.shareUnknown", named, use, limit.intValue()));
        }
        return share.within(limit.intValue())
                ? new Licence("ALLOWS", message("licence.allows.within", named, use, limit.intValue(), share.inWords()))
                : new Licence("LIMIT_EXCEEDED", message("licence.limitExceeded", named, use, limit.intValue(), share.inWords()));
    }

    /** The short excerpt test, with the words for either answer. */
    private record Excerpt(String verdict, Reasoning reason) {
    }

    private static Excerpt excerpt(WorkRequest request, PriorUse prior, OptionalInt pages, Share share, int percentLimit, Reasoning wholeUnit,
            int unitsAllowed, int units) {
        int unitsCounted = prior.units() + units;
        boolean byUnit = units > 0 && unitsCounted <= unitsAllowed;
        List<Reasoning> parts = new ArrayList<>();
        Boolean byPercent = null;
        if (request.workType() == WorkType.WHOLE_WORK && !share.known()) {
            byPercent = false;
            parts.add(message("excerpt.wholeWork", percentLimit));
        } else if (share.known()) {
            byPercent = share.within(percentLimit);
            Reasoning counted = prior.requests() == 0 ? share.inWords()
                    : message("excerpt.withEarlier", share.inWords(), prior.pages(), request.courseCode(), request.term());
            parts.add(message(byPercent ? "excerpt.within" : "excerpt.exceeds", counted, percentLimit));
        } else {
            parts.add(pages.isEmpty() ? message("excerpt.pagesNotCounted", request.pagesRequested()) : message("excerpt.totalPagesUnknown"));
        }
        if (wholeUnit != null && unitsAllowed > 0) {
            parts.add(byUnit ? message("excerpt.oneWholeUnit", wholeUnit)
                    : units == 0 ? message("excerpt.notOneWholeUnit", wholeUnit)
                    : unitsAllowed == 1 ? message("excerpt.moreThanOneUnit", wholeUnit, unitsCounted)
                    : message("excerpt.moreThanUnits", unitsAllowed, wholeUnit, unitsCounted));
        }
        boolean qualifies = byUnit || Boolean.TRUE.equals(byPercent);
        Reasoning reason = parts.size() == 1 ? parts.get(0)
                : message(qualifies ? "excerpt.oneTestMet" : "excerpt.noTestMet", parts.get(0), parts.get(1));
        String verdict = qualifies ? "YES" : byPercent == null ? "UNKNOWN" : "NO";
        return new Excerpt(verdict, reason);
    }

    private static Reasoning fairDealing(Outcome outcome, Excerpt excerpt, CopyrightTerm.Verdict term, WorkRequest request) {
        Reasoning measured = request.students() == null || request.students() <= 0 ? message("reasoning.fairDealing.noStudents", excerpt.reason())
                : excerpt.reason();
        return switch (outcome) {
            case CLEARED -> message("reasoning.fairDealing.cleared", excerpt.reason(), request.courseCode());
            case PERMISSION_NEEDED -> message("reasoning.fairDealing.permissionNeeded", measured, term.reason());
            case NOT_DECIDABLE -> message("reasoning.fairDealing.notDecidable", measured, term.reason());
        };
    }

    /**
     * What the instructor could use instead without permission: the pages still within the percentage
     * limit for this course and term, and a whole unit if none was used yet.
     */
    private static Reasoning shorterExcerpt(WorkRequest request, PriorUse prior, int percentLimit, Reasoning wholeUnit, int unitsAllowed) {
        List<Reasoning> options = new ArrayList<>();
        if (request.totalPages() != null && request.totalPages() > 0) {
            int pages = request.totalPages() * percentLimit / 100 - prior.pages();
            if (pages > 0) {
                options.add(prior.pages() > 0
                        ? message("shorter.pagesLessEarlier", pages, percentLimit, request.totalPages(), prior.pages(), request.courseCode())
                        : message("shorter.pages", pages, percentLimit, request.totalPages()));
            }
        }
        if (wholeUnit != null && prior.units() < unitsAllowed) {
            options.add(message("shorter.wholeUnit", wholeUnit));
        }
        return options.isEmpty() ? message("shorter.none", request.courseCode(), request.term())
                : message("shorter.qualifies", options.size() == 1 ? options.get(0) : message("shorter.either", options.get(0), options.get(1)));
    }

    private Map<String, Object> single(String decisionKey, Map<String, Object> inputs) {
        DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(decisionKey, Variables.fromMap(inputs)).getSingleResult();
        return result == null ? null : result.getEntryMap();
    }
}
