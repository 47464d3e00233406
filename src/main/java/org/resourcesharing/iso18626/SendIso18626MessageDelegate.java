package org.resourcesharing.iso18626;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.xml.datatype.XMLGregorianCalendar;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.iso18626.Iso18626Sender.PartnerRefusedException;
import org.resourcesharing.iso18626.model.BibliographicItemId;
import org.resourcesharing.iso18626.model.BillingInfo;
import org.resourcesharing.iso18626.model.DeliveryInfo;
import org.resourcesharing.iso18626.model.Header;
import org.resourcesharing.iso18626.model.ISO18626Message;
import org.resourcesharing.iso18626.model.TypeAction;
import org.resourcesharing.iso18626.model.TypeCosts;
import org.resourcesharing.iso18626.model.TypeReasonForMessage;
import org.resourcesharing.iso18626.model.TypeSchemeValuePair;
import org.resourcesharing.iso18626.model.TypeServiceType;
import org.resourcesharing.iso18626.model.TypeStatus;
import org.resourcesharing.iso18626.model.TypeYesNo;
import org.springframework.stereotype.Component;

/**
 * {@code ${sendIso18626Message}}: a service task that tells the partner of this request something.
 * The task's input parameters say what: {@code messageKind} ({@code request} to ask a lender,
 * {@code supplyingAgencyMessage} when we lend, {@code requestingAgencyMessage} when we borrow), then {@code reasonForMessage} and
 * {@code status}, or {@code action}; optionally {@code note}, {@code answerYesNo},
 * {@code reasonUnfilled}, {@code reasonRetry}, {@code retryAfter} and {@code dueDate} (dates), and for
 * an item sent {@code itemId} and {@code sentVia}; for an answer on terms {@code loanCondition} (an ISO
 * 18626 loan condition code such as {@code LibraryUseOnly}) and {@code offeredCost} with
 * {@code offeredCostCurrency} (the amount as text, kept exact). The parties and request ids come from the process variables the
 * request started it with.
 *
 * <p>Run it asynchronously with retries: an unreachable partner becomes an incident. An ERROR
 * confirmation becomes the BPMN error {@value #PARTNER_ERROR} with the partner's words as message.
 */
@Component("sendIso18626Message")
public class SendIso18626MessageDelegate implements JavaDelegate {

    public static final String PARTNER_ERROR = "ISO18626_PARTNER_ERROR";

    private final Iso18626Sender sender;

    public SendIso18626MessageDelegate(Iso18626Sender sender) {
        this.sender = sender;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Header header = Iso18626Messages.header(
                Iso18626Messages.agencyId(text(execution, "supplyingAgencyId")),
                Iso18626Messages.agencyId(text(execution, "requestingAgencyId")),
                text(execution, "requestingAgencyRequestId"),
                optional(execution, "supplyingAgencyRequestId"),
                OffsetDateTime.now());
        String note = optional(execution, "note");
        ISO18626Message message = switch (text(execution, "messageKind")) {
            case "supplyingAgencyMessage" -> supplierMessage(execution, header, note);
            case "requestingAgencyMessage" -> Iso18626Messages.requestingAgencyMessage(header,
                    TypeAction.fromValue(text(execution, "action")), note);
            case "request" -> request(execution, header, note);
            default -> throw new IllegalArgumentException("messageKind must be request, supplyingAgencyMessage or requestingAgencyMessage, not "
                    + execution.getVariable("messageKind"));
        };
        try {
            sender.send(new Iso18626Sender.Outgoing(message, execution.getProcessBusinessKey(), execution.getProcessInstanceId()));
        } catch (PartnerRefusedException refused) {
            throw new BpmnError(PARTNER_ERROR, refused.getMessage());
        }
    }

    /** A new request to the lender {@code supplyingAgencyId}, with the citation, service, needed-by date and maximum cost of the process. */
    private static ISO18626Message request(DelegateExecution execution, Header header, String note) {
        List<BibliographicItemId> ids = new ArrayList<>();
        for (String[] id : new String[][] {{"isbn", "ISBN"}, {"issn", "ISSN"}, {"oclcNumber", "OCLC"}, {"doi", "DOI"}}) {
            String value = optional(execution, id[0]);
            if (value != null) {
                ids.add(Iso18626Messages.itemId(id[1], value));
            }
        }
        ISO18626Message message = Iso18626Messages.request(header, TypeServiceType.fromValue(text(execution, "serviceType")),
                optional(execution, "title"), optional(execution, "author"), optional(execution, "publicationDate"),
                ids.toArray(BibliographicItemId[]::new));
        var bib = message.getRequest().getBibliographicInfo();
        bib.setTitleOfComponent(optional(execution, "titleOfComponent"));
        bib.setVolume(optional(execution, "volume"));
        bib.setIssue(optional(execution, "issue"));
        bib.setPagesRequested(optional(execution, "pagesRequested"));
        bib.setEdition(optional(execution, "edition"));
        var service = message.getRequest().getServiceInfo();
        service.setNote(note);
        String compliance = optional(execution, "copyrightCompliance");
        if (compliance != null) {
            service.setCopyrightCompliance(code(compliance));
        }
        if (execution.getVariable("needBeforeDate") instanceof Date needed) {
            service.setNeedBeforeDate(dateTime(needed));
        }
        String maximumCost = optional(execution, "maximumCost");
        if (maximumCost != null) {
            TypeCosts costs = new TypeCosts();
            costs.setMonetaryValue(new BigDecimal(maximumCost));
            costs.setCurrencyCode(code(text(execution, "maximumCostCurrency")));
            BillingInfo billing = new BillingInfo();
            billing.setMaximumCosts(costs);
            message.getRequest().setBillingInfo(billing);
        }
        return message;
    }

    private static ISO18626Message supplierMessage(DelegateExecution execution, Header header, String note) {
        ISO18626Message message = Iso18626Messages.supplyingAgencyMessage(header,
                TypeReasonForMessage.fromValue(text(execution, "reasonForMessage")), TypeStatus.fromValue(text(execution, "status")), note);
        var info = message.getSupplyingAgencyMessage().getMessageInfo();
        String answer = optional(execution, "answerYesNo");
        if (answer != null) {
            info.setAnswerYesNo(TypeYesNo.fromValue(answer));
        }
        String reasonUnfilled = optional(execution, "reasonUnfilled");
        if (reasonUnfilled != null) {
            info.setReasonUnfilled(code(reasonUnfilled));
        }
        String reasonRetry = optional(execution, "reasonRetry");
        if (reasonRetry != null) {
            info.setReasonRetry(code(reasonRetry));
        }
        String offeredCost = optional(execution, "offeredCost");
        if (offeredCost != null && new BigDecimal(offeredCost).signum() > 0) {
            TypeCosts costs = new TypeCosts();
            costs.setMonetaryValue(new BigDecimal(offeredCost));
            costs.setCurrencyCode(code(text(execution, "offeredCostCurrency")));
            info.setOfferedCosts(costs);
        }
        if (execution.getVariable("retryAfter") instanceof Date retryAfter) {
            info.setRetryAfter(dateTime(retryAfter));
        }
        if (execution.getVariable("dueDate") instanceof Date dueDate) {
            message.getSupplyingAgencyMessage().getStatusInfo().setDueDate(dateTime(dueDate));
        }
        String itemId = optional(execution, "itemId");
        String loanCondition = optional(execution, "loanCondition");
        if (itemId != null || loanCondition != null) {
            DeliveryInfo delivery = new DeliveryInfo();
            delivery.setDateSent(Iso18626Messages.dateTime(OffsetDateTime.now()));
            delivery.setItemId(itemId);
            String sentVia = optional(execution, "sentVia");
            if (sentVia != null) {
                delivery.setSentVia(code(sentVia));
            }
            if (loanCondition != null) {
                delivery.setLoanCondition(code(loanCondition));
            }
            message.getSupplyingAgencyMessage().setDeliveryInfo(delivery);
        }
        return message;
    }

    private static XMLGregorianCalendar dateTime(Date date) {
        return Iso18626Messages.dateTime(date.toInstant().atOffset(ZoneOffset.UTC));
    }

    private static TypeSchemeValuePair code(String value) {
        TypeSchemeValuePair code = new TypeSchemeValuePair();
        code.setValue(value);
        return code;
    }

    private static String text(DelegateExecution execution, String name) {
        String value = optional(execution, name);
        if (value == null) {
            throw new IllegalStateException("The process has no value for '" + name + "', which an ISO 18626 message needs");
        }
        return value;
    }

    private static String optional(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
