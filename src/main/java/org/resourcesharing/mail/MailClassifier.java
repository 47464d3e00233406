package org.resourcesharing.mail;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Decides from its words alone what a new e-mail is (replies to our own mail are recognised earlier,
 * by case token or In-Reply-To): a library asking for a loan or a copy, someone applying for a job,
 * someone who works at the desk saying they cannot work a shift, or anything else, which staff sort by hand. Machine-sent mail (auto-replies, lists, newsletters,
 * spam) is never taken for a request or an application.
 */
public final class MailClassifier {

    private static final Pattern AUTO_REPLY = Pattern.compile("(?iU)\\bout\\h+of\\h+(?:the\\h+)?office\\b|\\bautomatic\\h+reply\\b"
            + "|\\bauto-?\\h?reply\\b|\\bautoreply\\b|\\babwesenheitsnotiz\\b|\\bautomatische\\h+antwort\\b|\\bnicht\\h+im\\h+b[üu]ro\\b"
            + "|\\br[ée]ponse\\h+automatique\\b|\\babsente?\\h+du\\h+bureau\\b|\\bmessage\\h+d['’]absence\\b"
            + "|\\brespuesta\\h+autom[áa]tica\\b|\\bfuera\\h+de\\h+la\\h+oficina\\b|\\bdelivery\\h+status\\h+notification\\b"
            + "|\\bundeliverable\\b|\\bmail\\h+delivery\\h+(?:failed|subsystem)\\b");
    private static final Pattern NEWSLETTER = Pattern.compile("(?iU)\\bunsubscribe\\b|\\bnewsletter\\b|\\bse\\h+d[ée]sabonner\\b"
            + "|\\bd[ée]sinscri\\p{L}*|\\babbestellen\\b|\\bdarse\\h+de\\h+baja\\b|\\bview\\h+(?:this\\h+e-?mail\\h+)?in\\h+(?:your\\h+)?browser\\b");
    private static final Pattern JOB = Pattern.compile("(?iU)\\bapply(?:ing)?\\b|\\bapplication\\b|\\bapplicant\\b|\\bposition\\b|\\bjob\\b"
            + "|\\bvacanc(?:y|ies)\\b|\\br[ée]sum[ée]\\b|\\bCV\\b|\\bcover\\h+letter\\b|\\bhiring\\b|\\bwork-study\\b|\\bstudent\\h+assistant\\b"
            + "|\\bcandidature\\b|\\bcandidat(?:e)?\\b|\\bposte\\h+(?:d['’]|de\\h)|\\bemploi\\b|\\blettre\\h+de\\h+motivation\\b|\\bpostuler\\b"
            + "|\\bbewerb\\p{L}*|\\bstelle\\b|\\bstellenanzeige\\b|\\blebenslauf\\b|\\banschreiben\\b|\\bhilfskraft\\b"
            + "|\\bsolicitud\\b(?!\\h+de\\h+(?:pr[ée]stamo|copia|art[íi]culo|libro))|\\bpuesto\\b|\\bcurr[íi]cul(?:um|o)\\b|\\bvacante\\b"
            + "|\\bempleo\\b|\\boferta\\h+de\\h+trabajo\\b");
    private static final Pattern RESUME_FILE = Pattern.compile("(?iU).*(?:\\bcv\\b|resume|résumé|lebenslauf|curr[íi]cul|candidature"
            + "|bewerbung).*");
    /** Headings only a résumé has together: education and experience, in any of the four languages. */
    private static final Pattern RESUME_EDUCATION = Pattern.compile("(?iU)\\beducation\\b|\\bformation\\b|\\bausbildung\\b|\\bstudium\\b"
            + "|\\beducaci[óo]n\\b|\\bformaci[óo]n\\b");
    private static final Pattern RESUME_EXPERIENCE = Pattern.compile("(?iU)\\bexperience\\b|\\bexp[ée]rience\\b|\\bberufserfahrung\\b"
            + "|\\bpraktik\\p{L}*|\\bexperiencia\\b");
    private static final Pattern REQUEST = Pattern.compile("(?iU)\\binter-?\\h?library\\h+loan\\b|\\bILL\\b|\\brequest\\p{L}*"
            + "|\\bpr[êe]t\\h+entre\\h+biblioth[èe]ques\\b|\\bPEB\\b|\\bdemande\\b|\\bfernleih\\p{L}*|\\bbestell\\p{L}*|\\banfrage\\b"
            + "|\\bpr[ée]stamo\\h+interbibliotecario\\b|\\bsolicit\\p{L}*|\\bpedido\\b|\\bcould\\h+you\\b|\\bpourriez-vous\\b"
            + "|\\bk[öo]nnten\\h+sie\\b|\\bpodr[íi]an\\b");

    /** Saying one cannot come, in English or French. */
    private static final Pattern CANNOT_COME = Pattern.compile("(?iU)\\b(?:can(?:no|['’])t|won['’]t(?:\\h+be\\h+able\\h+to)?"
            + "|will\\h+not(?:\\h+be\\h+able\\h+to)?|unable\\h+to|not\\h+able\\h+to)\\h+(?:make|come\\h+in|come|work|do|cover|attend)\\b"
            + "|\\bcalling\\h+in\\h+sick\\b|\\bmiss(?:ing)?\\h+my\\b|\\bne\\h+(?:pourrai|peux|pourrais|serai)\\h+pas\\b"
            + "|\\b(?:je\\h+serai|I\\h+will\\h+be|I['’]ll\\h+be)\\h+absente?\\b|\\bemp[êe]ch[ée]e?\\b|\\bemp[êe]chement\\b");
    /** A desk shift, in English or French. */
    private static final Pattern SHIFT = Pattern.compile("(?iU)\\bshifts?\\b|\\bquarts?\\b|\\bplages?\\h+horaires?\\b"
            + "|\\bhoraires?\\b|\\bservice\\h+au\\h+comptoir\\b|\\bdesk\\b|\\bcomptoir\\b");

    public MailKind classify(ParsedMail mail, ExtractedRequest extracted) {
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(extracted, "extracted");
        String words = words(mail);
        if (machineSent(mail)) {
            return MailKind.OTHER;
        }
        int job = Matches.count(JOB, words) + (hasResume(mail) ? 2 : 0);
        boolean cites = extracted.hasIdentifier() || extracted.title() != null || extracted.journalTitle() != null;
        boolean asks = ServiceTypes.asksForLoanOrCopy(words) || extracted.serviceType() != null;
        int request = Matches.count(REQUEST, words) + (asks ? 2 : 0) + (cites ? 2 : 0);
        if (CANNOT_COME.matcher(words).find() && SHIFT.matcher(words).find() && !(asks && cites)) {
            return MailKind.SHIFT_ABSENCE;
        }
        if (job >= 2 && job > request) {
            return MailKind.JOB_APPLICATION;
        }
        if (asks && cites || request >= 4) {
            return MailKind.LOAN_OR_COPY_REQUEST;
        }
        return job >= 2 ? MailKind.JOB_APPLICATION : MailKind.OTHER;
    }

    /** Sent by a machine or a list (an auto-reply, a bounce, a newsletter): never a request a person must answer. */
    public boolean machineSent(ParsedMail mail) {
        String words = words(mail);
        return mail.automated() != null || AUTO_REPLY.matcher(words).find() || NEWSLETTER.matcher(words).find();
    }

    private static String words(ParsedMail mail) {
        return (mail.subject() == null ? "" : mail.subject()) + "\n" + mail.text();
    }

    /** An attachment named like a résumé, or whose text has the headings of one. */
    private static boolean hasResume(ParsedMail mail) {
        return mail.attachments().stream().anyMatch(attachment ->
                attachment.fileName() != null && RESUME_FILE.matcher(attachment.fileName()).matches()
                        || attachment.text() != null && RESUME_EDUCATION.matcher(attachment.text()).find()
                        && RESUME_EXPERIENCE.matcher(attachment.text()).find());
    }
}
