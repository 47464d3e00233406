package org.resourcesharing.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** Transactions without a database, for unit tests: it records how each began and whether it was committed or rolled back. */
public final class RecordingTransactionManager implements PlatformTransactionManager {

    /** The propagation each transaction asked for, in order. */
    public final List<Integer> propagations = new ArrayList<>();
    public int commits;
    public int rollbacks;

    @Override
    public TransactionStatus getTransaction(TransactionDefinition definition) {
        propagations.add(definition == null ? TransactionDefinition.PROPAGATION_REQUIRED : definition.getPropagationBehavior());
        return new SimpleTransactionStatus();
    }

    @Override
    public void commit(TransactionStatus status) {
        commits++;
    }

    @Override
    public void rollback(TransactionStatus status) {
        rollbacks++;
    }
}
