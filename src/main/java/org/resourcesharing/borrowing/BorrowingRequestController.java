package org.resourcesharing.borrowing;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/borrowing-requests}: a discovery layer or the library's portal passes on a
 * patron's request. 201 with the request number and the patron's status link; 400 naming every
 * field that is wrong, and then nothing is stored or started.
 */
@RestController
class BorrowingRequestController {

    private final BorrowingIntake intake;

    BorrowingRequestController(BorrowingIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/api/borrowing-requests")
    ResponseEntity<BorrowingIntake.Submitted> submit(@RequestBody PatronRequest request) {
        BorrowingIntake.Submitted submitted = intake.submit(request, BorrowingIntake.Channel.API);
        return ResponseEntity.created(URI.create(submitted.statusUrl())).body(submitted);
    }
}
