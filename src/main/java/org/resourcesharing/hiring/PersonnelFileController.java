package org.resourcesharing.hiring;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ExecutionQuery;
import org.resourcesharing.platform.FieldErrors;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.resourcesharing.platform.TikaParsers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/hiring/students/{applicationNumber}/personnel-file}: hiring staff (and only they) record
 * what a new student handed in, which tells the onboarding process the item has arrived: the tax forms
 * ({@code td1}), the training certificates ({@code aoda}, {@code whsa}) as files, the SIN, banking
 * details and Work Study eligibility as JSON. Everything is stored encrypted; nothing of it goes into the
 * process. A bad item answers 400 naming the field and the reason. What is recorded and the message to the
 * student's onboarding commit together, in an attempt of {@link ProcessChangeRetry}: when the process
 * moves on at every attempt, nothing is recorded and the answer is 503 with {@code Retry-After}.
 */
@RestController
class PersonnelFileController {

    static final Map<String, String> RECEIVED = Map.of("td1", "TD1 received", "sin", "SIN received", "banking", "Banking details received",
            "aoda", "AODA certificate received", "whsa", "Health and safety certificate received",
            "eligibility", "Work Study eligibility confirmed");
    static final String EMPLOYMENT_ENDED = "Employment ended";
    private static final Set<String> DOCUMENT_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    private static final Set<String> AID = Set.of("OSAP", "other-provincial-aid", "PSSSP");

    private final PersonnelFile file;
    private final PersonnelRetention retention;
    private final Applications applications;
    private final RuntimeService runtimeService;
    private final ProcessChangeRetry processChanges;
    private final HiringProperties properties;
    private final ObjectMapper json = new ObjectMapper();

    PersonnelFileController(PersonnelFile file, PersonnelRetention retention, Applications applications, RuntimeService runtimeService,
            ProcessChangeRetry processChanges, HiringProperties properties) {
        this.file = file;
        this.retention = retention;
        this.applications = applications;
        this.runtimeService = runtimeService;
        this.processChanges = processChanges;
        this.properties = properties;
    }

    /** A signed tax form or training certificate: PDF, JPEG or PNG. */
    @PostMapping("/api/hiring/students/{applicationNumber}/personnel-file/{item:td1|aoda|whsa}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void document(@PathVariable String applicationNumber, @PathVariable String item, @RequestParam(required = false) MultipartFile file,
            Principal user) throws IOException {
        hired(applicationNumber);
        FieldErrors errors = new FieldErrors();
        String type = file == null || file.isEmpty() ? null : TikaParsers.tika().detect(file.getBytes(), file.getOriginalFilename());
        if (type == null) {
            errors.add("file", "attach the signed form or the certificate");
        } else if (!DOCUMENT_TYPES.contains(type)) {
            errors.add("file", "must be a PDF, JPEG or PNG, not " + type);
        }
        errors.throwIfAny();
        store(applicationNumber, item, file.getOriginalFilename(), type, file.getBytes(), user);
    }

    /** @param expiryDate required for a temporary SIN (starting with 9) */
    record Sin(String sin, LocalDate expiryDate) {
    }

    @PostMapping("/api/hiring/students/{applicationNumber}/personnel-file/sin")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void sin(@PathVariable String applicationNumber, @RequestBody Sin sin, Principal user) throws JsonProcessingException {
        hired(applicationNumber);
        FieldErrors errors = new FieldErrors();
        String digits = SinCheck.check(sin.sin(), sin.expiryDate(), LocalDate.now(properties.zone()), errors);
        errors.throwIfAny();
        store(applicationNumber, "sin", Map.of("sin", digits, "expiryDate", String.valueOf(sin.expiryDate())), user);
    }

    record Banking(String institution, String transit, String account) {
    }

    @PostMapping("/api/hiring/students/{applicationNumber}/personnel-file/banking")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void banking(@PathVariable String applicationNumber, @RequestBody Banking banking, Principal user) throws JsonProcessingException {
        hired(applicationNumber);
        FieldErrors errors = new FieldErrors();
        digits(errors, "institution", banking.institution(), "\\d{3}", "the three-digit institution number");
        digits(errors, "transit", banking.transit(), "\\d{5}", "the five-digit branch transit number");
        digits(errors, "account", banking.account(), "\\d{7,12}", "the account number, 7 to 12 digits");
        errors.throwIfAny();
        store(applicationNumber, "banking", Map.of("institution", banking.institution(), "transit", banking.transit(), "account",
                banking.account()), user);
    }

    /**
     * @param aid                 OSAP, other-provincial-aid or PSSSP
     * @param credits             credits taken this term
     * @param permanentDisability full-time is then 1.0 credit rather than 1.5
     * @param term                such as 2026FA
     */
    record Eligibility(String aid, BigDecimal credits, boolean permanentDisability, String term) {
    }

    /** Trent Work Study: student aid, and full-time (1.5 credits a term, 1.0 with a permanent disability). */
    @PostMapping("/api/hiring/students/{applicationNumber}/personnel-file/eligibility")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void eligibility(@PathVariable String applicationNumber, @RequestBody Eligibility eligibility, Principal user) throws JsonProcessingException {
        hired(applicationNumber);
        FieldErrors errors = new FieldErrors();
        if (eligibility.aid() == null || !AID.contains(eligibility.aid())) {
            errors.add("aid", "must be one of " + AID + ": Work Study needs student financial aid");
        }
        BigDecimal fullTime = eligibility.permanentDisability() ? BigDecimal.ONE : new BigDecimal("1.5");
        if (eligibility.credits() == null || eligibility.credits().compareTo(fullTime) < 0) {
            errors.add("credits", "must be at least " + fullTime + " this term (full-time" + (eligibility.permanentDisability()
                    ? " with a permanent disability)" : ")"));
        }
        if (eligibility.term() == null || !eligibility.term().matches("\\d{4}(FA|WI|SU)")) {
            errors.add("term", "must be a term such as 2026FA, 2027WI or 2027SU");
        }
        errors.throwIfAny();
        store(applicationNumber, "eligibility", Map.of("aid", eligibility.aid(), "credits", eligibility.credits().toPlainString(),
                "permanentDisability", eligibility.permanentDisability(), "term", eligibility.term()), user);
    }

    record EndOfEmployment(LocalDate endDate) {
    }

    /** The student's employment ended: off the roster; the file is deleted once the retention period has passed. */
    @PostMapping("/api/hiring/students/{applicationNumber}/end-of-employment")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void endOfEmployment(@PathVariable String applicationNumber, @RequestBody EndOfEmployment end) {
        hired(applicationNumber);
        FieldErrors errors = new FieldErrors();
        if (end.endDate() == null) {
            errors.add("endDate", "must be the last day of employment (yyyy-mm-dd)");
        }
        errors.throwIfAny();
        processChanges.attempt(() -> {
            if (!retention.endEmployment(applicationNumber, end.endDate())) {
                new FieldErrors().add("applicationNumber", applicationNumber + " is not on the desk roster").throwIfAny();
            }
            return tell(runtimeService.createExecutionQuery().processInstanceBusinessKey(applicationNumber), applicationNumber, EMPLOYMENT_ENDED);
        });
    }

    /** The résumé an applicant uploaded with the form, for whoever screens the applications. */
    @GetMapping("/api/hiring/applications/{applicationNumber}/resume")
    ResponseEntity<byte[]> resume(@PathVariable String applicationNumber) {
        return applications.resume(applicationNumber)
                .map(resume -> ResponseEntity.ok().header("Cache-Control", "no-store")
                        .header("Content-Disposition", ContentDisposition.attachment().filename(resume.fileName(), StandardCharsets.UTF_8).build()
                                .toString())
                        .contentType(MediaType.parseMediaType(resume.mediaType())).body(resume.content()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** What the file holds, without the contents. */
    @GetMapping("/api/hiring/students/{applicationNumber}/personnel-file")
    List<PersonnelFile.Item> items(@PathVariable String applicationNumber) {
        hired(applicationNumber);
        return file.items(applicationNumber);
    }

    /** One item, decrypted: a file as it was uploaded, details as JSON. */
    @GetMapping("/api/hiring/students/{applicationNumber}/personnel-file/{item}")
    ResponseEntity<byte[]> item(@PathVariable String applicationNumber, @PathVariable String item) {
        hired(applicationNumber);
        return file.items(applicationNumber).stream().filter(stored -> stored.item().equals(item)).findFirst()
                .flatMap(stored -> file.content(applicationNumber, item).map(content -> ResponseEntity.ok()
                        .header("Cache-Control", "no-store")
                        .contentType(MediaType.parseMediaType(stored.mediaType())).body(content)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private void store(String applicationNumber, String item, Map<String, Object> details, Principal user) throws JsonProcessingException {
        store(applicationNumber, item, null, MediaType.APPLICATION_JSON_VALUE, json.writeValueAsString(details).getBytes(StandardCharsets.UTF_8), user);
    }

    /**
     * Stores the item and tells the student's onboarding it has arrived, if it still waits for it (a replacement
     * changes nothing there).
     */
    private void store(String applicationNumber, String item, String fileName, String mediaType, byte[] content, Principal user) {
        processChanges.attempt(() -> {
            file.store(applicationNumber, item, fileName, mediaType, content, user.getName());
            return tell(runtimeService.createExecutionQuery().processDefinitionKey(StartOnboardingDelegate.ONBOARDING), applicationNumber,
                    RECEIVED.get(item));
        });
    }

    /** Delivers the message to the student's process among {@code processes} if it waits for it; whether it did. */
    private boolean tell(ExecutionQuery processes, String applicationNumber, String message) {
        if (processes.processInstanceBusinessKey(applicationNumber).messageEventSubscriptionName(message).count() == 0) {
            return false;
        }
        runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(applicationNumber).correlate();
        return true;
    }

    private void hired(String applicationNumber) {
        if (applications.find(applicationNumber).filter(application -> "HIRED".equals(application.status())).isEmpty()) {
            new FieldErrors().add("applicationNumber", applicationNumber + " is not a hired student").throwIfAny();
        }
    }

    private static void digits(FieldErrors errors, String field, String value, String pattern, String what) {
        if (value == null || !value.matches(pattern)) {
            errors.add(field, "must be " + what);
        }
    }
}
