package org.resourcesharing.iso18626;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.resourcesharing.iso18626.model.BibliographicInfo;
import org.resourcesharing.iso18626.model.BibliographicItemId;
import org.resourcesharing.iso18626.model.ConfirmationHeader;
import org.resourcesharing.iso18626.model.ErrorData;
import org.resourcesharing.iso18626.model.Header;
import org.resourcesharing.iso18626.model.ISO18626Message;
import org.resourcesharing.iso18626.model.MessageInfo;
import org.resourcesharing.iso18626.model.PublicationInfo;
import org.resourcesharing.iso18626.model.Request;
import org.resourcesharing.iso18626.model.RequestConfirmation;
import org.resourcesharing.iso18626.model.RequestingAgencyMessage;
import org.resourcesharing.iso18626.model.RequestingAgencyMessageConfirmation;
import org.resourcesharing.iso18626.model.ServiceInfo;
import org.resourcesharing.iso18626.model.StatusInfo;
import org.resourcesharing.iso18626.model.SupplyingAgencyMessage;
import org.resourcesharing.iso18626.model.SupplyingAgencyMessageConfirmation;
import org.resourcesharing.iso18626.model.TypeAction;
import org.resourcesharing.iso18626.model.TypeAgencyId;
import org.resourcesharing.iso18626.model.TypeErrorType;
import org.resourcesharing.iso18626.model.TypeMessageStatus;
import org.resourcesharing.iso18626.model.TypeReasonForMessage;
import org.resourcesharing.iso18626.model.TypeRequestType;
import org.resourcesharing.iso18626.model.TypeSchemeValuePair;
import org.resourcesharing.iso18626.model.TypeServiceType;
import org.resourcesharing.iso18626.model.TypeStatus;

/**
 * Builds valid v1.2 messages and confirmations, so the rest of the application never writes XML
 * or remembers which elements the schema requires. Callers may fill in the returned JAXB objects
 * further; {@link Iso18626Codec#write} checks the result against the schema.
 */
public final class Iso18626Messages {

    private Iso18626Messages() {
    }

    /** A message header; {@code multipleItemRequestId} is always present (empty), as v1.2 requires. */
    public static Header header(TypeAgencyId supplying, TypeAgencyId requesting, String requestingAgencyRequestId,
                                String supplyingAgencyRequestId, OffsetDateTime timestamp) {
        Header header = new Header();
        header.setSupplyingAgencyId(supplying);
        header.setRequestingAgencyId(requesting);
        header.setMultipleItemRequestId("");
        header.setTimestamp(dateTime(timestamp));
        header.setRequestingAgencyRequestId(requestingAgencyRequestId);
        header.setSupplyingAgencyRequestId(supplyingAgencyRequestId);
        return header;
    }

    /** An agency id such as type {@code ISIL}, value {@code CA-OKQ}. */
    public static TypeAgencyId agencyId(String type, String value) {
        TypeAgencyId agencyId = new TypeAgencyId();
        agencyId.setAgencyIdType(schemeValue(type));
        agencyId.setAgencyIdValue(value);
        return agencyId;
    }

    /** Reads the {@code type:value} form used in configuration, e.g. {@code ISIL:CA-OKQ}. */
    public static TypeAgencyId agencyId(String typeColonValue) {
        int colon = typeColonValue.indexOf(':');
        if (colon <= 0 || colon == typeColonValue.length() - 1) {
            throw new IllegalArgumentException("agency id must look like ISIL:CA-OKQ, not " + typeColonValue);
        }
        return agencyId(typeColonValue.substring(0, colon), typeColonValue.substring(colon + 1));
    }

    /** The {@code type:value} form, e.g. {@code ISIL:CA-OKQ}. */
    public static String format(TypeAgencyId agencyId) {
        return agencyId.getAgencyIdType().getValue() + ":" + agencyId.getAgencyIdValue();
    }

    /**
     * A new request for an item. Null title, author or publication date are left out.
     *
     * @param itemIds identifiers such as {@code itemId("ISBN", "9780262046305")}
     */
    public static ISO18626Message request(Header header, TypeServiceType serviceType, String title, String author,
                                          String publicationDate, BibliographicItemId... itemIds) {
        BibliographicInfo bibliographicInfo = new BibliographicInfo();
        bibliographicInfo.setTitle(title);
        bibliographicInfo.setAuthor(author);
        bibliographicInfo.getBibliographicItemId().addAll(List.of(itemIds));
        ServiceInfo serviceInfo = new ServiceInfo();
        serviceInfo.setRequestType(TypeRequestType.NEW);
        serviceInfo.setServiceType(serviceType);
        Request request = new Request();
        request.setHeader(header);
        request.setBibliographicInfo(bibliographicInfo);
        if (publicationDate != null) {
            PublicationInfo publicationInfo = new PublicationInfo();
            publicationInfo.setPublicationDate(publicationDate);
            request.setPublicationInfo(publicationInfo);
        }
        request.setServiceInfo(serviceInfo);
        ISO18626Message message = message();
        message.setRequest(request);
        return message;
    }

    /** A bibliographic item identifier; {@code code} is e.g. ISBN, ISSN, OCLC or DOI. */
    public static BibliographicItemId itemId(String code, String identifier) {
        BibliographicItemId itemId = new BibliographicItemId();
        itemId.setBibliographicItemIdentifier(identifier);
        itemId.setBibliographicItemIdentifierCode(schemeValue(code));
        return itemId;
    }

    /** The supplier's news; the status counts as changed at the header's timestamp. */
    public static ISO18626Message supplyingAgencyMessage(Header header, TypeReasonForMessage reason, TypeStatus status, String note) {
        MessageInfo messageInfo = new MessageInfo();
        messageInfo.setReasonForMessage(reason);
        messageInfo.setNote(note);
        StatusInfo statusInfo = new StatusInfo();
        statusInfo.setStatus(status);
        statusInfo.setLastChange(header.getTimestamp());
        SupplyingAgencyMessage supplyingAgencyMessage = new SupplyingAgencyMessage();
        supplyingAgencyMessage.setHeader(header);
        supplyingAgencyMessage.setMessageInfo(messageInfo);
        supplyingAgencyMessage.setStatusInfo(statusInfo);
        ISO18626Message message = message();
        message.setSupplyingAgencyMessage(supplyingAgencyMessage);
        return message;
    }

    public static ISO18626Message requestingAgencyMessage(Header header, TypeAction action, String note) {
        RequestingAgencyMessage requestingAgencyMessage = new RequestingAgencyMessage();
        requestingAgencyMessage.setHeader(header);
        requestingAgencyMessage.setAction(action);
        requestingAgencyMessage.setNote(note);
        ISO18626Message message = message();
        message.setRequestingAgencyMessage(requestingAgencyMessage);
        return message;
    }

    /**
     * Confirms a request.
     *
     * @param incoming   the request's header, or {@code null} if the message could not be read
     * @param error      {@code null} to confirm OK
     * @param errorValue what was wrong; ignored when {@code error} is null
     */
    public static ISO18626Message requestConfirmation(Header incoming, OffsetDateTime received, TypeErrorType error, String errorValue) {
        RequestConfirmation confirmation = new RequestConfirmation();
        confirmation.setConfirmationHeader(confirmationHeader(incoming, received, error));
        confirmation.setErrorData(errorData(error, errorValue));
        ISO18626Message message = message();
        message.setRequestConfirmation(confirmation);
        return message;
    }

    /** Confirms a supplying agency message; see {@link #requestConfirmation}. {@code reason} may be null. */
    public static ISO18626Message supplyingAgencyMessageConfirmation(Header incoming, OffsetDateTime received,
                                                                     TypeReasonForMessage reason, TypeErrorType error, String errorValue) {
        SupplyingAgencyMessageConfirmation confirmation = new SupplyingAgencyMessageConfirmation();
        confirmation.setConfirmationHeader(confirmationHeader(incoming, received, error));
        confirmation.setReasonForMessage(reason);
        confirmation.setErrorData(errorData(error, errorValue));
        ISO18626Message message = message();
        message.setSupplyingAgencyMessageConfirmation(confirmation);
        return message;
    }

    /** Confirms a requesting agency message; see {@link #requestConfirmation}. {@code action} may be null. */
    public static ISO18626Message requestingAgencyMessageConfirmation(Header incoming, OffsetDateTime received,
                                                                      TypeAction action, TypeErrorType error, String errorValue) {
        RequestingAgencyMessageConfirmation confirmation = new RequestingAgencyMessageConfirmation();
        confirmation.setConfirmationHeader(confirmationHeader(incoming, received, error));
        confirmation.setAction(action);
        confirmation.setErrorData(errorData(error, errorValue));
        ISO18626Message message = message();
        message.setRequestingAgencyMessageConfirmation(confirmation);
        return message;
    }

    /** An {@code xs:dateTime} value; {@code null} stays {@code null} so optional dates can be passed through. */
    public static XMLGregorianCalendar dateTime(OffsetDateTime dateTime) {
        return dateTime == null ? null
                : DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime));
    }

    /** Back from {@code xs:dateTime}; a peer's time without a zone is read as UTC, the only reading that is not a guess about the peer's locale. */
    public static OffsetDateTime offsetDateTime(XMLGregorianCalendar dateTime) {
        if (dateTime == null) {
            return null;
        }
        XMLGregorianCalendar zoned = (XMLGregorianCalendar) dateTime.clone();
        if (zoned.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            zoned.setTimezone(0);
        }
        return zoned.toGregorianCalendar().toZonedDateTime().toOffsetDateTime();
    }

    private static ConfirmationHeader confirmationHeader(Header incoming, OffsetDateTime received, TypeErrorType error) {
        ConfirmationHeader header = new ConfirmationHeader();
        if (incoming != null) {
            header.setSupplyingAgencyId(copy(incoming.getSupplyingAgencyId()));
            header.setRequestingAgencyId(copy(incoming.getRequestingAgencyId()));
            header.setRequestingAgencyRequestId(incoming.getRequestingAgencyRequestId());
        }
        header.setTimestamp(dateTime(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)));
        header.setTimestampReceived(dateTime(received));
        header.setMessageStatus(error == null ? TypeMessageStatus.OK : TypeMessageStatus.ERROR);
        return header;
    }

    private static ErrorData errorData(TypeErrorType error, String errorValue) {
        if (error == null) {
            return null;
        }
        ErrorData errorData = new ErrorData();
        errorData.setErrorType(error);
        errorData.setErrorValue(errorValue);
        return errorData;
    }

    /** A copy, so that changing our confirmation can never change the peer's message we keep. */
    private static TypeAgencyId copy(TypeAgencyId agencyId) {
        if (agencyId == null) {
            return null;
        }
        TypeAgencyId copy = agencyId(agencyId.getAgencyIdType().getValue(), agencyId.getAgencyIdValue());
        copy.getAgencyIdType().setScheme(agencyId.getAgencyIdType().getScheme());
        return copy;
    }

    private static TypeSchemeValuePair schemeValue(String value) {
        TypeSchemeValuePair pair = new TypeSchemeValuePair();
        pair.setValue(value);
        return pair;
    }

    private static ISO18626Message message() {
        ISO18626Message message = new ISO18626Message();
        message.setVersion(Iso18626Codec.VERSION);
        return message;
    }
}
