package org.resourcesharing.mail;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.RuntimeService;
import org.resourcesharing.iso18626.Partner;
import org.resourcesharing.iso18626.PartnerDirectory;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.resourcesharing.platform.ProcessChangeRetry.ProcessBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What becomes of one email read from a mailbox, exactly once: a reply continues the process it
 * answers; a message with anything unreadable in it (too large, a corrupt or encrypted attachment,
 * broken MIME) goes to a person; a loan or copy request from a library starts lending with a
 * confirmation task; a message a person sent to the copyright mailbox starts a copyright permission
 * request with a task to complete it; a job application to the jobs mailbox joins the open posting it
 * names (a process waiting for {@value #JOB_APPLICATION}); a student on the desk roster who cannot work a
 * shift, to the jobs mailbox, starts its cover ({@link ShiftAbsenceIntake}); anything else becomes a triage
 * task for the mailbox's group, with the reason. The
 * message's key is recorded under a unique constraint in the same transaction that starts or
 * continues the process, so the same message read again (or after a crash before it was flagged
 * on the server) starts nothing. That transaction is an attempt of {@link ProcessChangeRetry}: a
 * process moving on at that moment meets the message again as it then is, and one moving on at every
 * attempt keeps nothing of it, so that the message is read again.
 */
@Service
public class MailInbox {

    public static final String EMAIL_REPLY = "Email reply";
    public static final String EMAIL_REQUEST = "Email request";
    public static final String EMAIL_TO_TRIAGE = "Email to triage";
    public static final String COPYRIGHT_EMAIL_REQUEST = "Copyright request by email";
    /**
     * What a process that takes job applications waits for, while its posting is open. Such a process
     * has the posting number as business key and its title in the variable {@code title}; it receives
     * {@code applicantName}, {@code applicantEmail} and, for the résumé (the first PDF or Word
     * attachment, else the first readable one), {@code resumeFileName}, {@code resumeMediaType} and
     * {@code resumeText}.
     */
    public static final String JOB_APPLICATION = "Job application";
    private static final Set<String> RESUME_TYPES = Set.of("application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword");
    private static final int MAX_TEXT_IN_VARIABLES = 20_000;
    private static final Logger log = LoggerFactory.getLogger(MailInbox.class);

    public enum Outcome {
        CORRELATED, STARTED, TRIAGE, DUPLICATE
    }

    private final MailParser parser;
    private final RequestExtractor extractor;
    private final MailClassifier classifier;
    private final RuntimeService runtimeService;
    private final PartnerDirectory partners;
    private final ShiftAbsenceIntake absences;
    private final SentMailStore sentMail;
    private final JdbcClient jdbc;
    private final ProcessChangeRetry processChanges;

    MailInbox(MailParser parser, RequestExtractor extractor, MailClassifier classifier, RuntimeService runtimeService,
            PartnerDirectory partners, ShiftAbsenceIntake absences, SentMailStore sentMail, JdbcClient jdbc, ProcessChangeRetry processChanges) {
        this.parser = parser;
        this.extractor = extractor;
        this.classifier = classifier;
        this.runtimeService = runtimeService;
        this.partners = partners;
        this.absences = absences;
        this.sentMail = sentMail;
        this.jdbc = jdbc;
        this.processChanges = processChanges;
    }

    /**
     * Handles the message as the mailbox received it (raw RFC 822 bytes); commits before returning.
     *
     * @throws ProcessBusyException when the process it continues moved on at every attempt: nothing of the message was
     *                              recorded, so it must stay unread and be read again
     */
    public Outcome receive(Mailbox mailbox, byte[] raw) {
        ParsedMail mail = parser.parse(copyOf(raw));
        String key = mail.messageId() != null && !mail.messageId().isBlank() ? mail.messageId() : "digest:" + mail.digest();
        try {
            // each attempt routes the message afresh (a reply whose process has moved past waiting for it goes to a person)
            return processChanges.attempt(() -> alreadyReceived(key) ? Outcome.DUPLICATE : route(mailbox, key, mail, raw));
        } catch (DuplicateKeyException readTwiceAtOnce) {
            return Outcome.DUPLICATE;
        }
    }

    private Outcome route(Mailbox mailbox, String key, ParsedMail mail, byte[] raw) {
        Routed routed = reply(mailbox, mail)
                .or(() -> mail.problems().isEmpty() ? Optional.empty()
                        : Optional.of(triage(mailbox, mail, "UNREADABLE", "not everything in it could be read: " + String.join("; ", mail.problems()))))
                .orElseGet(() -> newMessage(mailbox, mail));
        jdbc.sql("""
                insert into mail_received (id, mailbox, message_key, from_address, subject, language, classification, outcome,
                    process_instance_id, business_key, problems, raw_message, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(UUID.randomUUID().toString(), mailbox.name(), key, mail.fromAddress(), truncate(mail.subject(), 1000), mail.language(),
                        routed.classification(), routed.outcome().name(), routed.processInstanceId(), routed.businessKey(),
                        truncate(String.join("; ", mail.problems()), 2000), Base64.getEncoder().encodeToString(raw), OffsetDateTime.now())
                .update();
        return routed.outcome();
    }

    private record Routed(String classification, Outcome outcome, String processInstanceId, String businessKey) {
    }

    /** A reply to one of our emails: by the case token in the subject, or by the Message-ID it answers. */
    private Optional<Routed> reply(Mailbox mailbox, ParsedMail mail) {
        Optional<String> businessKey = CaseToken.find(mail.subject());
        List<String> answered = new ArrayList<>(mail.references());
        if (mail.inReplyTo() != null) {
            answered.add(0, mail.inReplyTo());
        }
        Optional<String> processInstance = answered.stream().map(sentMail::processInstanceOfMessageId).flatMap(Optional::stream).findFirst();
        if (businessKey.isEmpty() && processInstance.isEmpty()) {
            return Optional.empty();
        }
        var waiting = runtimeService.createExecutionQuery().messageEventSubscriptionName(EMAIL_REPLY);
        businessKey.ifPresent(waiting::processInstanceBusinessKey);
        processInstance.ifPresent(waiting::processInstanceId);
        if (waiting.count() == 0 && businessKey.isPresent() && openPostings().stream().anyMatch(posting -> posting.businessKey().equals(businessKey.get()))) {
            return Optional.empty(); // not a reply: an application that quotes the posting's case token
        }
        if (waiting.count() == 0) {
            String about = businessKey.map(key -> "request " + key).orElse("one of our emails");
            return Optional.of(triage(mailbox, mail, "REPLY", "a reply about " + about + " that no process is waiting for"));
        }
        var correlation = runtimeService.createMessageCorrelation(EMAIL_REPLY)
                .setVariables(Map.of("replyFrom", String.valueOf(mail.fromAddress()), "replySubject", String.valueOf(mail.subject()),
                        "replyText", truncate(String.valueOf(mail.text()), MAX_TEXT_IN_VARIABLES),
                        "replyLanguage", String.valueOf(mail.language())));
        businessKey.ifPresent(correlation::processInstanceBusinessKey);
        processInstance.ifPresent(correlation::processInstanceId);
        var result = correlation.correlateWithResult();
        String instance = result.getExecution().getProcessInstanceId();
        return Optional.of(new Routed("REPLY", Outcome.CORRELATED, instance, businessKey.orElse(null)));
    }

    private Routed newMessage(Mailbox mailbox, ParsedMail mail) {
        ExtractedRequest extracted = extractor.extract(mail);
        if (mailbox.purpose() == Mailbox.Purpose.COPYRIGHT && !classifier.machineSent(mail)) {
            return startCopyrightRequest(mail, extracted);
        }
        MailKind kind = classifier.classify(mail, extracted);
        if (kind == MailKind.LOAN_OR_COPY_REQUEST && mailbox.purpose() == Mailbox.Purpose.ILL) {
            return startLending(mailbox, mail, extracted);
        }
        if (kind == MailKind.JOB_APPLICATION && mailbox.purpose() == Mailbox.Purpose.JOBS) {
            return applyToPosting(mailbox, mail);
        }
        if (kind == MailKind.SHIFT_ABSENCE && mailbox.purpose() == Mailbox.Purpose.JOBS) {
            return reportAbsence(mailbox, mail);
        }
        String reason = switch (kind) {
            case JOB_APPLICATION -> "a job application sent to the " + mailbox.name() + " mailbox";
            case SHIFT_ABSENCE -> "an absence from a desk shift sent to the " + mailbox.name() + " mailbox";
            case LOAN_OR_COPY_REQUEST -> "a loan or copy request sent to the " + mailbox.name() + " mailbox";
            case OTHER -> "not recognised as a reply, a request or an application";
        };
        return triage(mailbox, mail, kind.name(), reason);
    }

    private Routed startLending(Mailbox mailbox, ParsedMail mail, ExtractedRequest extracted) {
        String businessKey = "EMAIL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Optional<Partner> requester = partners.findByEmailAddress(mail.fromAddress());
        Map<String, Object> variables = emailVariables(mail);
        variables.put("requestChannel", "email");
        variables.put("requesterEmail", mail.fromAddress());
        variables.put("requestingAgencyId", requester.map(Partner::agencyId).orElse(null));
        variables.put("requestingAgencyName", requester.map(Partner::name).orElse(mail.fromName() != null ? mail.fromName() : mail.fromAddress()));
        variables.put("partnerTier", requester.map(Partner::tier).orElse("international"));
        variables.put("supplyingAgencyId", mailbox.agencyId());
        variables.put("isbn", extracted.isbn());
        variables.put("issn", extracted.issn());
        variables.put("doi", extracted.doi());
        variables.put("oclcNumber", extracted.oclcNumber());
        boolean article = extracted.journalTitle() != null;
        variables.put("title", article ? extracted.journalTitle() : extracted.title());
        variables.put("titleOfComponent", article ? extracted.title() : null);
        variables.put("author", extracted.author());
        variables.put("publicationDate", extracted.year());
        variables.put("volume", extracted.volume());
        variables.put("issue", extracted.issue());
        variables.put("pagesRequested", extracted.pages());
        variables.put("serviceType", extracted.serviceType() != null ? extracted.serviceType() : article ? "Copy" : "Loan");
        variables.put("extractionNotes", String.join("; ", extracted.notes()));
        variables.values().removeIf(Objects::isNull);
        String instance = runtimeService.createMessageCorrelation(EMAIL_REQUEST).processInstanceBusinessKey(businessKey)
                .setVariables(variables).correlateStartMessage().getId();
        log.info("Email from {} started lending {}", mail.fromAddress(), businessKey);
        return new Routed(MailKind.LOAN_OR_COPY_REQUEST.name(), Outcome.STARTED, instance, businessKey);
    }

    /**
     * What the copyright mailbox receives from people is instructors asking to use a work in a course:
     * the copyright team completes the request from the email (what could be read from it is filled in).
     */
    private Routed startCopyrightRequest(ParsedMail mail, ExtractedRequest extracted) {
        String businessKey = "CR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> variables = emailVariables(mail);
        variables.put("requestChannel", "email");
        variables.put("requestNumber", businessKey);
        variables.put("instructorEmail", mail.fromAddress());
        variables.put("instructorName", mail.fromName());
        variables.put("instructorLanguage", "fr".equals(mail.language()) ? "fr" : "en");
        boolean article = extracted.journalTitle() != null;
        variables.put("title", article && extracted.title() != null ? extracted.title() + " (in " + extracted.journalTitle() + ")"
                : article ? extracted.journalTitle() : extracted.title());
        variables.put("authors", extracted.author());
        variables.put("isbn", extracted.isbn());
        variables.put("issn", extracted.issn());
        variables.put("publicationYear", extracted.year());
        variables.put("pagesRequested", extracted.pages());
        variables.values().removeIf(Objects::isNull);
        String instance = runtimeService.createMessageCorrelation(COPYRIGHT_EMAIL_REQUEST).processInstanceBusinessKey(businessKey)
                .setVariables(variables).correlateStartMessage().getId();
        log.info("Email from {} started copyright request {}", mail.fromAddress(), businessKey);
        return new Routed("COPYRIGHT_REQUEST", Outcome.STARTED, instance, businessKey);
    }

    /** A posting that takes applications now: the process waiting for them, its posting number and title. */
    private record OpenPosting(String processInstanceId, String businessKey, String title) {

        /** Its number (case token included) or its title appears in the words. */
        boolean isNamedIn(String words) {
            return Pattern.compile("(?i)(?<![\\w-])" + Pattern.quote(businessKey) + "(?![\\w-])").matcher(words).find()
                    || title != null && !title.isBlank() && normalised(words).contains(normalised(title));
        }

        private static String normalised(String text) {
            return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        }
    }

    private List<OpenPosting> openPostings() {
        return runtimeService.createExecutionQuery().messageEventSubscriptionName(JOB_APPLICATION).list().stream()
                .map(waiting -> waiting.getProcessInstanceId()).distinct()
                .map(instance -> new OpenPosting(instance,
                        runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey(),
                        Objects.toString(runtimeService.getVariable(instance, "title"), null)))
                .toList();
    }

    /** The open posting the application names, or the only one open; anything else goes to triage with the reason. */
    private Routed applyToPosting(Mailbox mailbox, ParsedMail mail) {
        List<OpenPosting> open = openPostings();
        if (open.isEmpty()) {
            return triage(mailbox, mail, MailKind.JOB_APPLICATION.name(), "a job application, but no posting is open");
        }
        String words = (mail.subject() == null ? "" : mail.subject()) + "\n" + mail.text();
        List<OpenPosting> named = open.stream().filter(posting -> posting.isNamedIn(words)).toList();
        List<OpenPosting> candidates = named.isEmpty() ? open : named;
        if (candidates.size() > 1) {
            String postings = candidates.stream().map(posting -> posting.businessKey() + " " + posting.title()).collect(Collectors.joining(", "));
            return triage(mailbox, mail, MailKind.JOB_APPLICATION.name(), named.isEmpty()
                    ? "a job application that names none of the open postings (" + postings + ")"
                    : "a job application that names more than one open posting (" + postings + ")");
        }
        OpenPosting posting = candidates.get(0);
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicantEmail", mail.fromAddress());
        variables.put("applicantName", mail.fromName() != null ? mail.fromName() : mail.fromAddress());
        mail.attachments().stream().filter(attachment -> attachment.text() != null)
                .min(Comparator.comparing(attachment -> RESUME_TYPES.contains(attachment.mediaType()) ? 0 : 1))
                .ifPresent(resume -> {
                    variables.put("resumeFileName", resume.fileName());
                    variables.put("resumeMediaType", resume.mediaType());
                    variables.put("resumeText", truncate(resume.text(), MAX_TEXT_IN_VARIABLES));
                });
        variables.values().removeIf(Objects::isNull);
        runtimeService.createMessageCorrelation(JOB_APPLICATION).processInstanceId(posting.processInstanceId()).setVariables(variables)
                .correlateWithResult();
        log.info("Job application from {} added to posting {}", mail.fromAddress(), posting.businessKey());
        return new Routed(MailKind.JOB_APPLICATION.name(), Outcome.CORRELATED, posting.processInstanceId(), posting.businessKey());
    }

    /** Someone on the desk roster cannot work a shift: its cover starts as if reported through the API; anything else goes to triage. */
    private Routed reportAbsence(Mailbox mailbox, ParsedMail mail) {
        ShiftAbsenceIntake.Reported reported = absences.report(mail.fromAddress(),
                (mail.subject() == null ? "" : mail.subject()) + "\n" + mail.text());
        if (reported.refusal() != null) {
            return triage(mailbox, mail, MailKind.SHIFT_ABSENCE.name(), "an absence from a shift, but " + reported.refusal());
        }
        log.info("Email from {} reported absence {}", mail.fromAddress(), reported.businessKey());
        return new Routed(MailKind.SHIFT_ABSENCE.name(), Outcome.STARTED, reported.processInstanceId(), reported.businessKey());
    }

    private Routed triage(Mailbox mailbox, ParsedMail mail, String classification, String reason) {
        String businessKey = "MAIL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> variables = emailVariables(mail);
        variables.put("triageGroup", mailbox.triageGroup());
        variables.put("mailbox", mailbox.name());
        variables.put("triageReason", reason);
        String instance = runtimeService.createMessageCorrelation(EMAIL_TO_TRIAGE).processInstanceBusinessKey(businessKey)
                .setVariables(variables).correlateStartMessage().getId();
        return new Routed(classification, Outcome.TRIAGE, instance, businessKey);
    }

    /** What staff see of the message in Tasklist: sender, subject, language, text, attachments, and what could not be read. */
    private static Map<String, Object> emailVariables(ParsedMail mail) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("emailFrom", mail.fromName() == null ? mail.fromAddress() : mail.fromName() + " <" + mail.fromAddress() + ">");
        variables.put("emailSubject", mail.subject());
        variables.put("emailLanguage", mail.language());
        variables.put("emailText", truncate(mail.text(), MAX_TEXT_IN_VARIABLES));
        variables.put("emailAttachments", mail.attachments().stream()
                .map(attachment -> attachment.fileName() + (attachment.problem() != null ? " (" + attachment.problem() + ")"
                        : attachment.text() == null ? "" : ":\n" + truncate(attachment.text(), 4000)))
                .collect(Collectors.joining("\n\n")));
        variables.put("emailProblems", String.join("; ", mail.problems()));
        variables.values().removeIf(Objects::isNull);
        return variables;
    }

    private boolean alreadyReceived(String key) {
        return jdbc.sql("select count(*) from mail_received where message_key = ?").param(key).query(Long.class).single() > 0;
    }

    private static MimeMessage copyOf(byte[] raw) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        } catch (MessagingException unreadable) {
            throw new IllegalStateException("Jakarta Mail cannot even read the headers: " + unreadable.getMessage(), unreadable);
        }
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
