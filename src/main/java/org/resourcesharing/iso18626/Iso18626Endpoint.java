package org.resourcesharing.iso18626;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import jakarta.servlet.http.HttpServletRequest;
import org.resourcesharing.iso18626.Iso18626MessageLog.Direction;
import org.resourcesharing.iso18626.Iso18626MessageLog.Entry;
import org.resourcesharing.iso18626.Iso18626MessageLog.Outcome;
import org.resourcesharing.iso18626.model.Header;
import org.resourcesharing.iso18626.model.ISO18626Message;
import org.resourcesharing.iso18626.model.TypeErrorType;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.resourcesharing.platform.ProcessChangeRetry.ProcessBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /iso18626}: where partner libraries (and our own other agencies) send requests and
 * messages. Every answer is the confirmation the standard prescribes, OK or ERROR with its error
 * type; only a partner that fails to authenticate gets HTTP 401 instead, and a message that could not
 * be processed now HTTP 503, so that the partner sends it again.
 */
@RestController
class Iso18626Endpoint {

    private static final Logger log = LoggerFactory.getLogger(Iso18626Endpoint.class);
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final Iso18626Codec codec;
    private final PartnerDirectory partners;
    private final Iso18626Inbox inbox;
    private final Iso18626MessageLog messageLog;
    private final ProcessChangeRetry processChanges;
    private final int maxMessageBytes;

    Iso18626Endpoint(Iso18626Codec codec, PartnerDirectory partners, Iso18626Inbox inbox, Iso18626MessageLog messageLog,
            ProcessChangeRetry processChanges, Iso18626Properties properties) {
        this.codec = codec;
        this.partners = partners;
        this.inbox = inbox;
        this.messageLog = messageLog;
        this.processChanges = processChanges;
        this.maxMessageBytes = properties.maxMessageBytes();
    }

    @PostMapping(path = "/iso18626", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        OffsetDateTime received = OffsetDateTime.now();
        byte[] body = request.getInputStream().readNBytes(maxMessageBytes + 1); // one byte more tells "too large"; never more
        MessageKind kind = MessageKind.guess(body);
        ISO18626Message message = null;
        Header header = null;
        String senderId = null;
        try {
            ParsedMessage parsed = codec.parse(body);
            message = parsed.message();
            kind = MessageKind.of(message);
            header = kind.header(message);
            senderId = Iso18626Messages.format(kind.sender(header));
            Partner sender = partner(senderId, kind.senderElement, false);
            partner(Iso18626Messages.format(kind.recipient(header)), kind.recipientElement, true);
            if (!partners.authenticates(senderId, request.getHeader(HttpHeaders.AUTHORIZATION), securityCode(header))) {
                record(kind, message, header, senderId, body, received, Outcome.REJECTED, null, "not authenticated", null);
                return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ISO 18626\"")
                        .contentType(MediaType.TEXT_PLAIN)
                        .body(senderId + " must authenticate with the credentials agreed with this library\n");
            }
            // a job of the same process may move it on meanwhile: the inbox then meets the process again as it now is
            return ResponseEntity.ok().contentType(XML).body(processChanges.attempt(() -> inbox.receive(parsed, sender, received)));
        } catch (Iso18626MessageException refused) {
            String confirmation = codec.write(kind.confirmation(message, header, received, refused.errorType(), refused.errorValue()));
            record(kind, message, header, senderId, body, received, Outcome.REJECTED, refused.errorType(), refused.errorValue(), confirmation);
            return ResponseEntity.ok().contentType(XML).body(confirmation);
        } catch (ProcessBusyException processMoving) {
            log.warn("An ISO 18626 {} from {} found its process moving on {} times in a row; the partner is asked to send it again",
                    kind.element, senderId, ProcessChangeRetry.ATTEMPTS);
            record(kind, message, header, senderId, body, received, Outcome.REJECTED, null,
                    "not processed: its process was moving on at the same moment; the sender should send it again", null);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, ProcessChangeRetry.RETRY_AFTER_HEADER)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("The request's process was busy; please send the message again in " + ProcessChangeRetry.RETRY_AFTER_HEADER + " seconds\n");
        } catch (RuntimeException failure) {
            log.error("Could not process an ISO 18626 {} from {}", kind.element, senderId, failure);
            record(kind, message, header, senderId, body, received, Outcome.REJECTED, null,
                    "not processed: " + failure.getClass().getSimpleName() + "; the sender should send it again", null);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN)
                    .body("The message could not be processed now; please send it again later\n");
        }
    }

    /** An active partner (or, for the recipient, one of our own agencies) named by the header. */
    private Partner partner(String agencyId, String element, boolean mustBeOwn) {
        return partners.findActive(agencyId).filter(partner -> !mustBeOwn || partner.own())
                .orElseThrow(() -> new Iso18626MessageException(TypeErrorType.UNRECOGNISED_DATA_VALUE,
                        element + ": '" + agencyId + "' is " + (mustBeOwn ? "not an agency of this library" : "not a partner of this library")));
    }

    private static String securityCode(Header header) {
        return header.getRequestingAgencyAuthentication() == null ? null : header.getRequestingAgencyAuthentication().getSecurityCode();
    }

    private void record(MessageKind kind, ISO18626Message message, Header header, String senderId, byte[] body, OffsetDateTime received,
            Outcome outcome, TypeErrorType errorType, String errorValue, String confirmation) {
        messageLog.recordSeparately(new Entry(null, Direction.IN, senderId, header == null ? null : header.getRequestingAgencyRequestId(),
                null, null, kind.element, message == null ? null : kind.value(message), outcome,
                confirmation == null ? null : "ERROR", errorType == null ? null : errorType.value(), errorValue, null,
                new String(body, StandardCharsets.UTF_8), confirmation, received));
    }
}
