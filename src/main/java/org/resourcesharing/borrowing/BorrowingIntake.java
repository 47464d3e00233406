package org.resourcesharing.borrowing;

import java.math.RoundingMode;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.resourcesharing.catalogue.Doi;
import org.resourcesharing.catalogue.Isbn;
import org.resourcesharing.catalogue.Issn;
import org.resourcesharing.catalogue.OclcNumber;
import org.resourcesharing.platform.FieldErrors;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in a patron's borrowing request, whichever door it came through: checks it, stores it under
 * a new request number and starts the {@code borrowing} process with that number as business key.
 */
public class BorrowingIntake {

    static final String PROCESS_KEY = "borrowing";

    /** The door a request came through, as the process variable {@code requestChannel} names it. */
    public enum Channel {
        API, OPENURL, STAFF;

        String variableValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param statusUrl the patron's status page, absolute; its token is the only credential it needs */
    public record Submitted(String requestNumber, String statusUrl) {
    }

    private final PatronRequestCheck check;
    private final BorrowingRequests requests;
    private final RuntimeService runtimeService;
    private final BorrowingProperties properties;
    private final Clock clock;

    BorrowingIntake(BorrowingRequests requests, RuntimeService runtimeService, BorrowingProperties properties, Clock clock) {
        this.check = new PatronRequestCheck(properties.patronTypes(), clock);
        this.requests = requests;
        this.runtimeService = runtimeService;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores the request and starts its process, both or neither: the row and the process start are one transaction.
     *
     * @throws FieldErrors.InvalidRequestException naming every field that is wrong; then nothing is stored or started
     */
    @Transactional
    public Submitted submit(PatronRequest request, Channel channel) {
        FieldErrors errors = new FieldErrors();
        check(request, errors);
        errors.throwIfAny();
        ServiceType serviceType = ServiceType.read(request.serviceType()).orElseThrow();
        VariableMap variables = citationVariables(request);
        BorrowingRequests.Numbered numbered = requests.insert(new BorrowingRequests.NewRequest(text(request.patronId()), text(request.patronName()),
                text(request.patronEmail()), patronType(request), serviceType, displayTitle(request), channel.variableValue(), clock.instant()));
        String statusUrl = statusUrl(numbered);
        variables.putValue("patronId", text(request.patronId()))
                .putValue("patronName", text(request.patronName()))
                .putValue("patronEmail", text(request.patronEmail()))
                .putValue("patronType", patronType(request))
                .putValue("serviceType", serviceType.name())
                .putValue("requestChannel", channel.variableValue())
                .putValue("requestNumber", numbered.requestNumber())
                .putValue("statusToken", numbered.statusToken())
                .putValue("statusUrl", statusUrl);
        runtimeService.createProcessInstanceByKey(PROCESS_KEY).businessKey(numbered.requestNumber()).setVariables(variables).execute();
        return new Submitted(numbered.requestNumber(), statusUrl);
    }

    /**
     * A request staff started in Tasklist (the start form) gets a number and a status page like the
     * others: stored, and its process given the number as business key. (Requests that came through
     * {@link #submit} already have both; the diagram calls this only for the others.)
     */
    public void numberStartedRequest(DelegateExecution execution) {
        String title = (String) execution.getVariable("title");
        String component = (String) execution.getVariable("titleOfComponent");
        BorrowingRequests.Numbered numbered = requests.insert(new BorrowingRequests.NewRequest((String) execution.getVariable("patronId"),
                (String) execution.getVariable("patronName"), (String) execution.getVariable("patronEmail"),
                (String) execution.getVariable("patronType"), ServiceType.read((String) execution.getVariable("serviceType")).orElseThrow(),
                component == null ? title : component + " (in " + title + ")", Channel.STAFF.variableValue(), clock.instant()));
        execution.setProcessBusinessKey(numbered.requestNumber());
        execution.setVariable("requestChannel", Channel.STAFF.variableValue());
        execution.setVariable("requestNumber", numbered.requestNumber());
        execution.setVariable("statusToken", numbered.statusToken());
        execution.setVariable("statusUrl", statusUrl(numbered));
        if (execution.getVariable("maximumCost") != null && execution.getVariable("maximumCostCurrency") == null) {
            // the start form asks for the amount in the library's currency, as the API does when none is given
            execution.setVariable("maximumCostCurrency", properties.defaultCurrency().getCurrencyCode());
        }
    }

    private String statusUrl(BorrowingRequests.Numbered numbered) {
        return properties.publicBaseUrl().replaceAll("/+$", "") + "/requests/" + numbered.statusToken();
    }

    /** Adds what is wrong with the request to {@code errors}; for pages that have their own errors to show beside these. */
    void check(PatronRequest request, FieldErrors errors) {
        check.check(request, errors);
    }

    /** The citation as the process reads it: only what was given, identifiers in their normal form. */
    private VariableMap citationVariables(PatronRequest request) {
        VariableMap variables = Variables.createVariables();
        putIfPresent(variables, "title", request.containerTitle());
        putIfPresent(variables, "titleOfComponent", request.componentTitle());
        putIfPresent(variables, "author", text(request.author()));
        putIfPresent(variables, "isbn", text(request.isbn()) == null ? null : Isbn.parse(request.isbn()).isbn13());
        putIfPresent(variables, "issn", text(request.issn()) == null ? null : Issn.parse(request.issn()).value());
        putIfPresent(variables, "doi", text(request.doi()) == null ? null : Doi.parse(request.doi()).value());
        putIfPresent(variables, "oclcNumber", text(request.oclcNumber()) == null ? null : OclcNumber.parse(request.oclcNumber()).value());
        putIfPresent(variables, "volume", text(request.volume()));
        putIfPresent(variables, "issue", text(request.issue()));
        putIfPresent(variables, "pagesRequested", text(request.pages()));
        putIfPresent(variables, "publicationDate", text(request.year()));
        putIfPresent(variables, "edition", text(request.edition()));
        if (request.neededBy() != null) {
            // the start of the day in the library's zone: needed on that day means before it begins
            variables.putValue("needBeforeDate", Date.from(request.neededBy().atStartOfDay(properties.zone()).toInstant()));
        }
        if (request.maximumCost() != null) {
            variables.putValue("maximumCost", request.maximumCost().setScale(2, RoundingMode.UNNECESSARY).toPlainString());
            String currency = text(request.maximumCostCurrency());
            variables.putValue("maximumCostCurrency",
                    currency == null ? properties.defaultCurrency().getCurrencyCode() : currency.toUpperCase(Locale.ROOT));
        }
        putIfPresent(variables, "patronNote", text(request.notes()));
        return variables;
    }

    private String patronType(PatronRequest request) {
        return properties.patronTypes().stream().filter(type -> type.equalsIgnoreCase(request.patronType().strip())).findFirst().orElseThrow();
    }

    /** What the patron will recognise on the status page: the article or chapter in its journal or book, or an identifier. */
    private static String displayTitle(PatronRequest request) {
        String container = request.containerTitle();
        String component = request.componentTitle();
        if (component != null) {
            return container == null ? component : component + " (in " + container + ")";
        }
        if (container != null) {
            return container;
        }
        if (text(request.isbn()) != null) {
            return "ISBN " + Isbn.parse(request.isbn()).isbn13();
        }
        if (text(request.issn()) != null) {
            return "ISSN " + Issn.parse(request.issn()).value();
        }
        if (text(request.doi()) != null) {
            return "DOI " + Doi.parse(request.doi()).value();
        }
        return "OCLC number " + OclcNumber.parse(request.oclcNumber()).value();
    }

    private static void putIfPresent(VariableMap variables, String name, Object value) {
        if (value != null) {
            variables.putValue(name, value);
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
