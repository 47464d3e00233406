package org.resourcesharing.mail;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells a loan from a copy by the words a request uses in English, French, German or Spanish, the way
 * a librarian reads it: "lend", "prêt", "Ausleihe", "préstamo" against "scan", "photocopie",
 * "Kopie", "copia"; a book leans to a loan, an article or a DOI to a copy. The name of the service
 * itself ("interlibrary loan", "Fernleihe", "PEB") says neither.
 */
final class ServiceTypes {

    static final String LOAN = "Loan";
    static final String COPY = "Copy";

    private static final Pattern SERVICE_NAMES = Pattern.compile("(?iU)\\binter-?\\s?library\\s+loans?\\b|\\bILL\\b"
            + "|\\bpr[êe]ts?\\s+entre\\s+biblioth[èe]ques\\b|\\bPEB\\b|\\bfernleih\\p{L}*|\\bleihverkehr\\b|\\bpr[ée]stamos?\\s+interbibliotecarios?\\b"
            + "|\\b(?:a|one|your|the)\\s+cop(?:y|ies)\\s+of\\s+(?:the\\s+|this\\s+|your\\s+)?(?:book|title|volume|monograph|work|novel)\\b");
    private static final Pattern STRONG_LOAN = Pattern.compile("(?iU)\\b(?:loan|lend|lent|borrow)\\p{L}*"
            + "|\\bpr[êe]t(?:er|ez|erait|eriez)\\b|\\bpr[êe]ts?\\b(?!\\s+[àa]\\b)|\\bemprunt\\p{L}*"
            + "|\\b(?:aus|ent)?leih\\p{L}*|\\bverleih\\p{L}*"
            + "|\\bpr[ée]stamo\\p{L}*|\\bprest(?:ar|arnos|en|aran|arían)\\b");
    private static final Pattern STRONG_COPY = Pattern.compile("(?iU)\\bcop(?:y|ies)\\b|\\bscan\\p{L}*|\\bphotocop\\p{L}*"
            + "|\\bcopie\\p{L}*|\\bnum[ée]ris\\p{L}*|\\bkopie\\p{L}*|\\bdigitalisat\\p{L}*"
            + "|\\bcopia\\p{L}*|\\bfotocopia\\p{L}*|\\bescane\\p{L}*|\\bdigitaliza\\p{L}*");
    private static final Pattern WEAK_LOAN = Pattern.compile("(?iU)\\bbooks?\\b|\\blivres?\\b|\\bouvrages?\\b|\\bb(?:u|ü)ch(?:er)?\\b|\\blibros?\\b");
    private static final Pattern WEAK_COPY = Pattern.compile("(?iU)\\barticles?\\b|\\bchapters?\\b|\\bchapitres?\\b|\\baufs(?:a|ä)tz\\p{L}*"
            + "|\\bartikel\\b|\\bbeitrag\\b|\\bkapitel\\b|\\bart[íi]culos?\\b|\\bcap[íi]tulos?\\b"
            + "|\\bjournal\\b|\\brevue\\b|\\bzeitschrift\\b|\\brevista\\b");

    private ServiceTypes() {
    }

    /** "Loan", "Copy", or null when the wording says neither or both about equally (with a note). */
    static String guess(String text, boolean citesArticle, List<String> notes) {
        String wording = SERVICE_NAMES.matcher(text).replaceAll(" ");
        int loan = 2 * Matches.count(STRONG_LOAN, wording) + Matches.count(WEAK_LOAN, wording);
        int copy = 2 * Matches.count(STRONG_COPY, wording) + Matches.count(WEAK_COPY, wording) + (citesArticle ? 1 : 0);
        if (loan >= 2 && loan - copy >= 2) {
            return LOAN;
        }
        if (copy >= 2 && copy - loan >= 2) {
            return COPY;
        }
        if (loan > 0 && copy > 0) {
            notes.add("the wording suggests both a loan and a copy; service type left open");
        }
        return null;
    }

    /** Whether the text asks for a loan or a copy in so many words. */
    static boolean asksForLoanOrCopy(String text) {
        String wording = SERVICE_NAMES.matcher(text).replaceAll(" ");
        return STRONG_LOAN.matcher(wording).find() || STRONG_COPY.matcher(wording).find();
    }
}
