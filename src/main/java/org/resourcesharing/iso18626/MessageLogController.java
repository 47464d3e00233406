package org.resourcesharing.iso18626;

import java.util.List;

import org.resourcesharing.platform.FieldErrors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A request's ISO 18626 history for resource-sharing staff: every message in and out, with its XML. */
@RestController
class MessageLogController {

    private final Iso18626MessageLog messageLog;

    MessageLogController(Iso18626MessageLog messageLog) {
        this.messageLog = messageLog;
    }

    /** By the process's business key, or by the requesting agency's request id (which also finds refused messages). */
    @GetMapping("/api/iso18626/messages")
    List<Iso18626MessageLog.Entry> messages(@RequestParam(required = false) String businessKey,
            @RequestParam(required = false) String requestId) {
        if ((businessKey == null) == (requestId == null)) {
            new FieldErrors().add("businessKey", "give either businessKey or requestId").throwIfAny();
        }
        return businessKey != null ? messageLog.forBusinessKey(businessKey) : messageLog.forRequestId(requestId);
    }
}
