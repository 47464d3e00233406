package org.resourcesharing.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Picks out of a request written as free text (English, French, German or Spanish, broken English
 * included) what a librarian would: identifiers, title, author, year, volume, issue, pages, the
 * journal of an article, and whether a loan or a copy is wanted. It reads labelled lines ("Title:",
 * "Titre :", "Titel:", "Título:"), quoted titles with the author after them ("the book … by",
 * "le livre « … » de", "das Buch „…“ von", "el libro «…» de"), citations in APA style and the usual
 * abbreviations ("vol.", "Bd.", "Heft", "núm.", "pp.", "S.", "págs."). Whatever it had to guess
 * between is said in the notes.
 */
public final class RequestExtractor {

    private static final String NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*";
    private static final String PARTICLE = "(?:van|von|der|den|de|del|la|le|da|di|du|des|dos|y|ter|zu)";
    /** A person's name: capitalised words, initials and particles ("Miguel de Cervantes", "J. R. R. Tolkien"). */
    private static final String NAME = "(?-i:" + NAME_WORD + "(?:\\h+(?:" + PARTICLE + "\\h+)*" + NAME_WORD + "){0,4})";
    private static final String QUOTED = "(?:«\\h*([^«»\\n]{2,200}?)\\h*»|“([^“”\\n]{2,200}?)”|„([^„“”\\n]{2,200}?)[“”]"
            + "|\"([^\"\\n]{2,200}?)\"|‘([^‘’\\n]{2,200}?)’)";
    private static final String YEAR = "(1[5-9]\\d\\d|20\\d\\d)";

    private static final Pattern TITLE_LABEL = Pattern.compile("(?imU)^\\h*(?:(?:book|article|chapter)\\h+title|title"
            + "|titre(?:\\h+(?:du\\h+livre|de\\h+l['’]article|du\\h+chapitre))?|(?:buch|aufsatz|sach)?titel"
            + "|t[íi]tulo(?:\\h+del?\\h+(?:libro|art[íi]culo|cap[íi]tulo))?)\\h*:\\h*(.+)$");
    private static final Pattern AUTHOR_LABEL = Pattern.compile("(?imU)^\\h*(?:authors?|auteure?s?|autor(?:in|en|es|a)?"
            + "|verfasser(?:in)?|editors?|hrsg\\.?|herausgeber(?:in)?)\\h*:\\h*(.+)$");
    private static final Pattern JOURNAL_LABEL = Pattern.compile("(?imU)^\\h*(?:journal(?:\\h+title)?|revue|p[ée]riodique"
            + "|titre\\h+de\\h+la\\h+revue|zeitschrift(?:entitel)?|revista|t[íi]tulo\\h+de\\h+la\\h+revista)\\h*:\\h*(.+)$");
    private static final Pattern YEAR_LABEL = Pattern.compile("(?imU)^\\h*(?:year|publication\\h+year|year\\h+of\\h+publication"
            + "|ann[ée]e(?:\\h+de\\h+publication)?|date\\h+de\\h+publication|jahr|erscheinungsjahr|a[ñn]o(?:\\h+de\\h+publicaci[óo]n)?"
            + "|fecha\\h+de\\h+publicaci[óo]n)\\h*:\\h*[^\\n]*?\\b" + YEAR + "\\b");
    /** What introduces a title: "the book", "le livre", "das Buch", "el libro", "the article" and so on. */
    private static final Pattern TITLE_CUE = Pattern.compile("(?iU)\\b(?:(?:the|a)\\h+)?(?:book|article|chapter|paper|monograph|thesis"
            + "|livre|ouvrage|l['’]article|chapitre|th[èe]se|buch|werk|aufsatz(?:es)?|artikel|beitrag|dissertation"
            + "|libro|art[íi]culo|cap[íi]tulo|tesis)(?:\\h+(?:titled|entitled|called|named|intitul[ée]e?|mit\\h+dem\\h+titel"
            + "|titulado|con\\h+el\\h+t[íi]tulo))?\\h*:?\\h*(?:" + QUOTED + "|(?-i:(\\p{Lu}[^\\n]{1,150}?))(?=\\h*,?\\h+(?:by|de|von|del|por|par)\\h+\\p{Lu}))");
    private static final Pattern ANY_QUOTED = Pattern.compile(QUOTED);
    private static final Pattern AUTHOR_AFTER_TITLE = Pattern.compile("(?iU)^[\\h\\p{Pf}\\p{Pe}»”“\"’]*[,.]?\\h*(?:\\([^()\\n]*\\)\\h*)?"
            + "(?:(?:written\\h+)?by(?:\\h+author)?|of\\h+(?:the\\h+)?author|from\\h+author|de\\h+l['’]auteur|par|des\\h+autors|vom\\h+autor|von"
            + "|del\\h+autor|de\\h+la\\h+autora|del|por|de)\\h+(" + NAME + ")");
    /** Chicago and MLA put the author before the quoted title: "Brown, Anne. “Title.”" */
    private static final Pattern AUTHOR_BEFORE_TITLE = Pattern.compile("(?U)(\\p{Lu}[\\p{L}'’-]+,\\h+\\p{Lu}[\\p{L}'’-]*\\.?(?:\\h+\\p{Lu}\\.)*)\\.?\\h*$");
    /** ... and the journal after it, when a volume follows: "“Title.” Library Trends 68, no. 2". */
    private static final Pattern JOURNAL_AFTER_TITLE = Pattern.compile("(?U)^[\\h\\p{Pf}\\p{Pe}»”“\"’.,]*(?:in\\h*:?\\h*)?"
            + "(\\p{Lu}[^\\n,;()\"“”«»]{2,120}?)(?=\\h*,?\\h*(?i:vol\\.?|v\\.|bd\\.|jg\\.|t\\.|tome)\\h*\\d|\\h+\\d{1,4}\\h*(?:,\\h*no\\.|\\())");
    /** APA: "Smith, J., &amp; Jones, M. (2019). Title. Journal, 59(3), 245-267." (books stop after the title). */
    private static final Pattern APA = Pattern.compile("(?mU)^\\h*(\\p{Lu}[\\p{L}'’-]+,\\h*(?:\\p{Lu}\\.\\h*)+"
            + "(?:,?\\h*(?:&|and|et|und|y)?\\h*\\p{Lu}[\\p{L}'’-]+,\\h*(?:\\p{Lu}\\.\\h*)+)*)\\h*\\(" + YEAR + "\\)\\.\\h*([^\\n]+?)[.?!]"
            + "(?:\\h+([^\\n,.]+?),\\h*(\\d{1,4})\\h*(?:\\(([^)\\n]{1,12})\\))?,\\h*(\\d{1,5}\\h*[-–]\\h*\\d{1,5}))?");
    private static final Pattern JOURNAL_CUE = Pattern.compile("(?iU)(?:\\bin\\h*:|\\bpublished\\h+in(?:\\h+the\\h+journal)?|\\bappeared\\h+in"
            + "|\\b(?:in|from)\\h+the\\h+journal|\\b(?:paru|publi[ée])\\h+dans(?:\\h+la\\h+revue)?|\\bdans\\h+la\\h+revue"
            + "|\\berschienen\\h+in(?:\\h+der\\h+zeitschrift)?|\\bin\\h+der\\h+zeitschrift|\\bpublicado\\h+en(?:\\h+la\\h+revista)?"
            + "|\\ben\\h+la\\h+revista)\\h*(?:" + QUOTED + "|(?-i:(\\p{Lu}[^\\n,;()]{2,120}?))(?=\\h*(?:[,;(]|\\.\\h|\\.?$"
            + "|\\h+(?:vol|bd|band|jg|tome|n[°º]|no\\.|nr\\.|n[úu]m|heft)|\\h+\\d)))");
    private static final Pattern YEAR_IN_BRACKETS = Pattern.compile("\\((?:[^()\\n]*?[,:]\\h*)?" + YEAR + "\\)");
    private static final Pattern YEAR_PHRASE = Pattern.compile("(?iU)\\b(?:published|publi[ée]e?|paru|erschienen|publicado|editado"
            + "|[ée]dition|auflage|edici[óo]n|copyright)\\b[^\\n\\d]{0,40}?\\b" + YEAR + "\\b");
    private static final Pattern ANY_YEAR = Pattern.compile("\\b" + YEAR + "\\b");
    private static final Pattern VOLUME = Pattern.compile("(?iU)(?:\\bvol(?:ume|umen|\\.)?|\\bv\\.|\\btome|\\bt\\.|\\bbd\\.|\\bband|\\bjg\\.|\\bjahrgang)"
            + "\\h*(\\d{1,4})\\b");
    private static final Pattern ISSUE = Pattern.compile("(?iU)(?:\\bno\\.|\\bnos\\.|\\bn[°º]|\\bnr\\.|\\bnum\\.|\\bn[úu]m\\.?|\\bn[úu]mero"
            + "|\\bnum[ée]ro|\\bnumber|\\bissue|\\bheft|\\bfasc\\.|\\bcahier)\\h*(\\d{1,4}(?:\\h*[-/–]\\h*\\d{1,4})?)\\b");
    private static final Pattern VOLUME_ISSUE = Pattern.compile("\\b(\\d{1,4})\\((\\d{1,4}(?:[-/–]\\d{1,4})?)\\)\\h*[,:]\\h*(?:pp?\\.\\h*)?(\\d{1,5}\\h*[-–]\\h*\\d{1,5})");
    private static final Pattern PAGES = Pattern.compile("(?U)(?:(?i:\\bpp?\\.|\\bpages?|\\bp[áa]g(?:ina)?s?\\.?|\\bseiten?)|\\bS\\.)"
            + "\\h*(\\d{1,5}(?:\\h*(?:[-–—]|to|à|a|bis)\\h*\\d{1,5})?)\\b");

    /** Reads one request: the subject and the text together. */
    public ExtractedRequest extract(String subject, String text) {
        String all = Stream.of(subject, text).filter(Objects::nonNull).collect(Collectors.joining("\n"));
        List<String> notes = new ArrayList<>();
        IdentifierFinder.Found ids = IdentifierFinder.find(all, notes);
        String blanked = ids.blanked();
        Citation citation = citation(all, blanked, notes);
        Numbers numbers = citation.numbers() != null ? citation.numbers() : numbers(blanked);
        boolean citesArticle = ids.doi() != null || ids.issn() != null || citation.journal() != null;
        String wording = remove(all, citation.title(), citation.journal());
        return new ExtractedRequest(ids.isbn(), ids.issn(), ids.doi(), ids.oclcNumber(), citation.title(), citation.author(),
                citation.year() != null ? citation.year() : year(blanked, citation.title()),
                numbers.volume(), numbers.issue(), numbers.pages(),
                ServiceTypes.guess(wording, citesArticle, notes), citation.journal(), notes);
    }

    /** Reads the body and then the attachments' text, so that a citation in an attached form counts as well. */
    public ExtractedRequest extract(ParsedMail mail) {
        String attached = mail.attachments().stream().map(Attachment::text).filter(Objects::nonNull).collect(Collectors.joining("\n\n"));
        return extract(mail.subject(), mail.text() + (attached.isEmpty() ? "" : "\n\n" + attached));
    }

    /** Title, author, year, journal and the APA volume, issue and pages, by the most explicit means found. */
    private record Citation(String title, String author, String year, String journal, Numbers numbers) {
    }

    /** Where in a journal an article is. */
    private record Numbers(String volume, String issue, String pages) {
    }

    private static Citation citation(String text, String blanked, List<String> notes) {
        Matcher apa = APA.matcher(text);
        if (apa.find()) {
            Numbers numbers = apa.group(4) == null ? null : new Numbers(apa.group(5), apa.group(6), pages(apa.group(7)));
            return new Citation(clean(apa.group(3)), apa.group(1).strip().replaceAll("[,\\h]+$", ""), apa.group(2),
                    apa.group(4) == null ? null : clean(apa.group(4)), numbers);
        }
        String title = labelled(TITLE_LABEL, text);
        String author = labelled(AUTHOR_LABEL, text);
        String journal = labelled(JOURNAL_LABEL, text);
        String year = find(YEAR_LABEL, blanked);
        if (journal == null) {
            journal = find(JOURNAL_CUE, text);
        }
        if (title == null) {
            Matcher cued = TITLE_CUE.matcher(text);
            Matcher quoted = ANY_QUOTED.matcher(text);
            Matcher found = cued.find() ? cued : firstQuotedOtherThan(quoted, journal);
            if (found != null) {
                title = clean(firstGroup(found));
                if (found == quoted) {
                    notes.add("title guessed from the first quoted phrase: " + title);
                }
                String after = text.substring(found.end());
                if (author == null) {
                    author = authorAround(text.substring(text.lastIndexOf('\n', found.start()) + 1, found.start()), after);
                }
                if (journal == null) {
                    journal = find(JOURNAL_AFTER_TITLE, after);
                }
            }
        }
        return new Citation(title, author, year, journal, null);
    }

    /** "… by Name" after the title, else "Surname, Given." just before it on its line. */
    private static String authorAround(String before, String after) {
        Matcher following = AUTHOR_AFTER_TITLE.matcher(after);
        if (following.find()) {
            return name(following.group(1));
        }
        String preceding = find(AUTHOR_BEFORE_TITLE, before);
        return preceding == null ? null : name(preceding);
    }

    private static Matcher firstQuotedOtherThan(Matcher quoted, String journal) {
        while (quoted.find()) {
            String phrase = clean(firstGroup(quoted));
            if (!phrase.equals(journal) && !phrase.contains("@")) {
                return quoted;
            }
        }
        return null;
    }

    /** "59(3): 245-267" when written so compactly, else "vol.", "no.", "pp." and their French, German and Spanish kin. */
    private static Numbers numbers(String blanked) {
        Matcher compact = VOLUME_ISSUE.matcher(blanked);
        if (compact.find()) {
            return new Numbers(compact.group(1), compact.group(2), pages(compact.group(3)));
        }
        Matcher pages = PAGES.matcher(blanked);
        return new Numbers(find(VOLUME, blanked), find(ISSUE, blanked),
                pages.find() ? pages(pages.group(1)) : null);
    }

    /** A year in brackets, after "published" and the like, else on the title's line after the title. */
    private static String year(String blanked, String title) {
        for (Pattern pattern : List.of(YEAR_IN_BRACKETS, YEAR_PHRASE)) {
            Matcher matcher = pattern.matcher(blanked);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        int at = title == null ? -1 : blanked.indexOf(title);
        if (at < 0) {
            return null;
        }
        int lineEnd = blanked.indexOf('\n', at);
        Matcher onLine = ANY_YEAR.matcher(blanked.substring(at + title.length(), lineEnd < 0 ? blanked.length() : lineEnd));
        return onLine.find() ? onLine.group(1) : null;
    }

    private static String labelled(Pattern pattern, String text) {
        String value = find(pattern, text);
        return value == null ? null : clean(value);
    }

    /** The first group that took part in the match the matcher has just made. */
    private static String firstGroup(Matcher matcher) {
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group).strip();
            }
        }
        return null;
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? firstGroup(matcher) : null;
    }

    /** A name ends with its last word; a full stop after a whole word ends the sentence, not an initial. */
    private static String name(String name) {
        return name.matches("(?s).*\\p{L}{2,}\\.$") ? name.substring(0, name.length() - 1) : name;
    }

    private static String clean(String value) {
        return value.strip().replaceAll("^[\"“„«‘\\h]+|[\"”“»’\\h]+$", "").replaceAll("[\\h.,;:]+$", "").replaceAll("\\h+", " ");
    }

    private static String pages(String written) {
        return written.replaceAll("\\h*(?:[-–—]|to|à|a|bis)\\h*", "-");
    }

    /** The text without the title and journal, whose own words ("Le prêt entre bibliothèques") ask for nothing. */
    private static String remove(String text, String... phrases) {
        String remaining = text;
        for (String phrase : phrases) {
            if (phrase != null && !phrase.isBlank()) {
                remaining = remaining.replace(phrase, " ");
            }
        }
        return remaining;
    }
}
