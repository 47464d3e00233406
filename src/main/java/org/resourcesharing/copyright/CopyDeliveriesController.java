package org.resourcesharing.copyright;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/copies?businessKey=...} (business keys contain a slash, so not in the path): the
 * copies delivered for a request, when each was first used, when it expires, every download.
 */
@RestController
class CopyDeliveriesController {

    private final CopyDeliveries deliveries;

    CopyDeliveriesController(CopyDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping("/api/copies")
    List<CopyDeliveries.DeliveryRecord> deliveries(@RequestParam String businessKey) {
        return deliveries.deliveries(businessKey);
    }
}
