package org.resourcesharing.iso18626;

import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.xml.datatype.XMLGregorianCalendar;

import org.resourcesharing.iso18626.model.BibliographicInfo;
import org.resourcesharing.iso18626.model.BibliographicItemId;
import org.resourcesharing.iso18626.model.DeliveryInfo;
import org.resourcesharing.iso18626.model.MessageInfo;
import org.resourcesharing.iso18626.model.PublicationInfo;
import org.resourcesharing.iso18626.model.Request;
import org.resourcesharing.iso18626.model.RequestingAgencyMessage;
import org.resourcesharing.iso18626.model.ServiceInfo;
import org.resourcesharing.iso18626.model.SupplyingAgencyMessage;
import org.resourcesharing.iso18626.model.TypeCosts;
import org.resourcesharing.iso18626.model.TypeSchemeValuePair;

/**
 * What a partner's message tells a process, as plain process variables (strings, dates,
 * booleans) that forms, gateways and decision tables can read. Absent values are left out.
 */
final class ProcessVariables {

    private ProcessVariables() {
    }

    /** A new request, for the lending process. */
    static Map<String, Object> ofRequest(Request request, String requestingAgencyId, String supplyingAgencyId,
            String supplyingRequestId, Partner requester) {
        Map<String, Object> variables = new HashMap<>();
        put(variables, "requestingAgencyId", requestingAgencyId);
        put(variables, "requestingAgencyName", requester.name());
        put(variables, "partnerTier", requester.tier());
        put(variables, "supplyingAgencyId", supplyingAgencyId);
        put(variables, "requestingAgencyRequestId", request.getHeader().getRequestingAgencyRequestId());
        put(variables, "supplyingAgencyRequestId", supplyingRequestId);
        BibliographicInfo bib = request.getBibliographicInfo();
        put(variables, "title", bib.getTitle());
        put(variables, "author", bib.getAuthor());
        put(variables, "subtitle", bib.getSubtitle());
        put(variables, "edition", bib.getEdition());
        put(variables, "titleOfComponent", bib.getTitleOfComponent());
        put(variables, "authorOfComponent", bib.getAuthorOfComponent());
        put(variables, "volume", bib.getVolume());
        put(variables, "issue", bib.getIssue());
        put(variables, "pagesRequested", bib.getPagesRequested());
        put(variables, "supplierUniqueRecordId", bib.getSupplierUniqueRecordId());
        for (BibliographicItemId id : bib.getBibliographicItemId()) {
            String code = id.getBibliographicItemIdentifierCode() == null ? "" : id.getBibliographicItemIdentifierCode().getValue();
            switch (code.toUpperCase(Locale.ROOT)) {
                case "ISBN" -> put(variables, "isbn", id.getBibliographicItemIdentifier());
                case "ISSN" -> put(variables, "issn", id.getBibliographicItemIdentifier());
                case "OCLC" -> put(variables, "oclcNumber", id.getBibliographicItemIdentifier());
                case "DOI" -> put(variables, "doi", id.getBibliographicItemIdentifier());
                default -> { /* other identifiers stay in the recorded message */ }
            }
        }
        PublicationInfo publication = request.getPublicationInfo();
        if (publication != null) {
            put(variables, "publisher", publication.getPublisher());
            put(variables, "publicationDate", publication.getPublicationDate());
            put(variables, "placeOfPublication", publication.getPlaceOfPublication());
            put(variables, "publicationType", value(publication.getPublicationType()));
        }
        ServiceInfo service = request.getServiceInfo();
        if (service != null) {
            put(variables, "serviceType", service.getServiceType() == null ? null : service.getServiceType().value());
            put(variables, "requestType", service.getRequestType() == null ? null : service.getRequestType().value());
            put(variables, "serviceLevel", value(service.getServiceLevel()));
            put(variables, "needBeforeDate", date(service.getNeedBeforeDate()));
            put(variables, "requestNote", service.getNote());
        }
        if (request.getBillingInfo() != null) {
            putCosts(variables, "maximumCost", request.getBillingInfo().getMaximumCosts());
        }
        return variables;
    }

    /** A supplying agency's answer, for the borrowing process. */
    static Map<String, Object> ofSupplierMessage(SupplyingAgencyMessage message) {
        Map<String, Object> variables = new HashMap<>();
        put(variables, "supplierStatus", message.getStatusInfo().getStatus().value());
        put(variables, "supplierDueDate", date(message.getStatusInfo().getDueDate()));
        put(variables, "supplyingAgencyRequestId", message.getHeader().getSupplyingAgencyRequestId());
        MessageInfo info = message.getMessageInfo();
        put(variables, "supplierReason", info.getReasonForMessage().value());
        put(variables, "supplierAnswerYesNo", info.getAnswerYesNo() == null ? null : info.getAnswerYesNo().value());
        put(variables, "supplierNote", info.getNote());
        put(variables, "reasonUnfilled", value(info.getReasonUnfilled()));
        put(variables, "reasonRetry", value(info.getReasonRetry()));
        put(variables, "retryAfter", date(info.getRetryAfter()));
        put(variables, "retryBefore", date(info.getRetryBefore()));
        putCosts(variables, "offeredCost", info.getOfferedCosts());
        DeliveryInfo delivery = message.getDeliveryInfo();
        if (delivery != null) {
            put(variables, "dateSent", date(delivery.getDateSent()));
            put(variables, "itemId", delivery.getItemId());
            put(variables, "loanCondition", value(delivery.getLoanCondition()));
            put(variables, "sentVia", value(delivery.getSentVia()));
        }
        return variables;
    }

    /** A requesting agency's message, for the lending process. */
    static Map<String, Object> ofRequesterMessage(RequestingAgencyMessage message) {
        Map<String, Object> variables = new HashMap<>();
        put(variables, "requesterAction", message.getAction().value());
        put(variables, "requesterNote", message.getNote());
        return variables;
    }

    private static void putCosts(Map<String, Object> variables, String name, TypeCosts costs) {
        if (costs != null && costs.getMonetaryValue() != null) {
            // Camunda has no decimal variable type: a plain string keeps the amount exact.
            put(variables, name, costs.getMonetaryValue().toPlainString());
            put(variables, name + "Currency", value(costs.getCurrencyCode()));
        }
    }

    private static void put(Map<String, Object> variables, String name, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            variables.put(name, value);
        }
    }

    private static String value(TypeSchemeValuePair pair) {
        return pair == null ? null : pair.getValue();
    }

    private static Date date(XMLGregorianCalendar calendar) {
        return calendar == null ? null : calendar.toGregorianCalendar().getTime();
    }
}
