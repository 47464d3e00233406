package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.util.Currency;

import org.springframework.transaction.support.TransactionTemplate;

/** Waivers and the ledger they post to, on a fresh database of their own migrated as in production (as {@link TestLedgers}). */
record TestWaivers(Ledger ledger, Waivers waivers, TransactionTemplate transactions) {

    /** Home currency CAD, with the test rates of {@link TestLedgers#newLedger()}; staff may waive up to CAD {@code staffLimit}. */
    static TestWaivers withStaffLimit(String staffLimit) {
        TestLedgers.TestLedger ledger = TestLedgers.withRates();
        PostingStore store = new PostingStore(ledger.jdbc(), new PaymentUnits(TestLedgers.properties("").iflaVouchers()));
        return new TestWaivers(ledger.ledger(), new Waivers(ledger.ledger(), store,
                new WaiverProperties(new BigDecimal(staffLimit), Currency.getInstance("CAD"))), ledger.transactions());
    }
}
