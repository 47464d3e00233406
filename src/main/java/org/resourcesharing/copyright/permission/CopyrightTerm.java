package org.resourcesharing.copyright.permission;

import static org.resourcesharing.copyright.permission.Reasoning.message;

import java.util.List;

import org.resourcesharing.copyright.permission.Authors.Author;

/**
 * Whether a work is in the public domain in Canada (rules.md section 2): the general term is life + 50
 * years for authors who died in 1971 or earlier and life + 70 years for later deaths (the 2022 extension
 * revived nothing); a work is in the public domain once the calendar year after its term has begun.
 * Only a single named author with a known death year is decided here: unknown death years, joint
 * authorship, Crown, anonymous and posthumous works, and films have other terms and go to a person.
 */
final class CopyrightTerm {

    /** The last year of death under the old life + 50 rule; everyone who died later gets life + 70. */
    static final int LAST_LIFE_PLUS_50_DEATH_YEAR = 1971;

    enum Status {
        PUBLIC_DOMAIN, PROTECTED, UNDETERMINED
    }

    /** @param reason why, with the years, for {@link ReasoningMessages} to put into words */
    record Verdict(Status status, Reasoning reason) {
    }

    private CopyrightTerm() {
    }

    static Verdict assess(List<Author> authors, Authorship authorship, WorkType workType, int currentYear) {
        if (workType == WorkType.FILM_VIDEO) {
            return undetermined(message("term.film"));
        }
        if (authorship != Authorship.PERSONAL) {
            return undetermined(message("term.otherAuthorship", message("term.authorship." + authorship.name())));
        }
        if (authors.isEmpty()) {
            return undetermined(message("term.noAuthor"));
        }
        if (authors.size() > 1) {
            return undetermined(message("term.jointAuthorship", names(authors)));
        }
        Author author = authors.get(0);
        if (author.deathYear() == null) {
            return undetermined(message("term.deathUnknown", author.name()));
        }
        int death = author.deathYear();
        if (death > currentYear) {
            return undetermined(message("term.deathInFuture", author.name(), death));
        }
        boolean oldRule = death <= LAST_LIFE_PLUS_50_DEATH_YEAR;
        int lastProtectedYear = death + (oldRule ? 50 : 70);
        Reasoning term = message("term.protectedUntil", author.name(), death, lastProtectedYear,
                oldRule ? message("term.lifePlus50", LAST_LIFE_PLUS_50_DEATH_YEAR) : message("term.lifePlus70", LAST_LIFE_PLUS_50_DEATH_YEAR + 1));
        return currentYear > lastProtectedYear
                ? new Verdict(Status.PUBLIC_DOMAIN, message("term.publicDomain", term, currentYear))
                : new Verdict(Status.PROTECTED, message("term.protected", term, currentYear));
    }

    /** "A and B", "A, B and C", with the "and" of the language. */
    private static Reasoning names(List<Author> authors) {
        List<String> names = authors.stream().map(Author::name).toList();
        return message("term.names", String.join(", ", names.subList(0, names.size() - 1)), names.get(names.size() - 1));
    }

    private static Verdict undetermined(Reasoning reason) {
        return new Verdict(Status.UNDETERMINED, reason);
    }
}
