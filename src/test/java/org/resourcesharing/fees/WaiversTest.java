package org.resourcesharing.fees;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.fees.Posting.AccountType;
import org.resourcesharing.fees.Posting.Direction;
import org.resourcesharing.fees.Posting.Kind;
import org.resourcesharing.platform.FieldErrors.FieldError;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;

/** Waivers posted at the same time, each in its own transaction as two process steps would be. */
class WaiversTest {

    private final TestWaivers fees = TestWaivers.withStaffLimit("25.00");
    private final ExecutorService steps = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        steps.shutdownNow();
    }

    @Test
    void twoWaiversOfOneChargeAtTheSameTimeNeverLetOffMoreThanWasCharged() throws Exception {
        Posting fine = fees.ledger().post(new PostingRequest(AccountType.PATRON, "0612345", Direction.RECEIVABLE, Kind.OVERDUE_FINE,
                new BigDecimal("15.00"), "CAD", "BR-2026-000101", null, "fine:BR-2026-000101", "process:borrowing", "Overdue"));
        CountDownLatch firstPosted = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);

        Future<Posting> first = steps.submit(() -> fees.transactions().execute(transaction -> {
            Posting waiver = fees.waivers().waive(fine.id().toString(), "10.00", "Paid at the desk, receipt 4411", "bella", null, null,
                    "waiver-1");
            firstPosted.countDown();
            awaitUninterruptibly(firstMayCommit);
            return waiver;
        }));
        assertThat(firstPosted.await(10, SECONDS)).isTrue();
        Future<Posting> second = steps.submit(() -> fees.transactions().execute(transaction -> fees.waivers()
                .waive(fine.id().toString(), "10.00", "Paid by card, receipt 4412", "carl", null, null, "waiver-2")));
        Thread.sleep(300); // time for the second to reach the charge; it waits there for the first to commit
        assertThat(second).isNotDone();
        firstMayCommit.countDown();

        assertThat(first.get(10, SECONDS).amount()).isEqualByComparingTo("10.00");
        Throwable refused = catchThrowable(() -> second.get(10, SECONDS));
        assertThat(refused).isInstanceOf(ExecutionException.class).cause().isInstanceOf(InvalidRequestException.class);
        assertThat(((InvalidRequestException) refused.getCause()).errors()).containsExactly(new FieldError("amount",
                "CAD 10.00 is more than the CAD 5.00 outstanding of posting " + fine.id()));
        assertThat(fees.ledger().balance(AccountType.PATRON, "0612345")).containsEntry("CAD", new BigDecimal("5.00"));
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await(10, SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
