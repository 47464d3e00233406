package org.resourcesharing.copyright.permission;

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

    record Verdict(Status status, String reason) {
    }

    private CopyrightTerm() {
    }

    static Verdict assess(List<Author> authors, Authorship authorship, WorkType workType, int currentYear) {
        if (workType == WorkType.FILM_VIDEO) {
            return undetermined("a film's term depends on its kind and its makers, which a person must check");
        }
        if (authorship != Authorship.PERSONAL) {
            return undetermined("the work is " + authorship.inWords().toLowerCase() + ", whose term a person must check");
        }
        if (authors.isEmpty()) {
            return undetermined("no author is named");
        }
        if (authors.size() > 1) {
            return undetermined("a work of joint authorship (" + Authors.names(authors) + ") is protected until the last of them has been dead "
                    + "long enough, which a person must check");
        }
        Author author = authors.get(0);
        if (author.deathYear() == null) {
            return undetermined("the year of death of " + author.name() + " is not known");
        }
        int death = author.deathYear();
        if (death > currentYear) {
            return undetermined("the year of death given for " + author.name() + ", " + death + ", is in the future");
        }
        boolean oldRule = death <= LAST_LIFE_PLUS_50_DEATH_YEAR;
        int lastProtectedYear = death + (oldRule ? 50 : 70);
        String term = author.name() + " died in " + death + ": protected until the end of " + lastProtectedYear + " (life + "
                + (oldRule ? "50, deaths up to " + LAST_LIFE_PLUS_50_DEATH_YEAR : "70, deaths from " + (LAST_LIFE_PLUS_50_DEATH_YEAR + 1)) + ")";
        return currentYear > lastProtectedYear
                ? new Verdict(Status.PUBLIC_DOMAIN, term + ", so in the public domain in " + currentYear)
                : new Verdict(Status.PROTECTED, term + ", so still protected in " + currentYear);
    }

    private static Verdict undetermined(String reason) {
        return new Verdict(Status.UNDETERMINED, reason);
    }
}
