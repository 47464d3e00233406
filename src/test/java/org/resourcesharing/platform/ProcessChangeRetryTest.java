package org.resourcesharing.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.resourcesharing.platform.ProcessChangeRetry.ProcessBusyException;
import org.resourcesharing.testsupport.RecordingTransactionManager;
import org.springframework.transaction.TransactionDefinition;

class ProcessChangeRetryTest {

    private final RecordingTransactionManager transactions = new RecordingTransactionManager();
    private final ProcessChangeRetry processChanges = new ProcessChangeRetry(transactions);

    @Test
    void aChangeThatMeetsItsProcessMovingOnIsMadeAgainInANewTransaction() {
        ProcessMovingOn process = new ProcessMovingOn(new OptimisticLockingException("ExecutionEntity was updated by another transaction concurrently"),
                new MismatchingMessageCorrelationException("ISO18626 Cancel", "No process definition or execution matches the parameters"));

        assertThat(processChanges.attempt(process::change)).isEqualTo("changed at attempt 3");
        assertThat(transactions.propagations).containsExactly(TransactionDefinition.PROPAGATION_REQUIRES_NEW,
                TransactionDefinition.PROPAGATION_REQUIRES_NEW, TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        assertThat(transactions.rollbacks).as("the refused attempts keep nothing").isEqualTo(2);
        assertThat(transactions.commits).isOne();
    }

    @Test
    void aProcessMovingOnAtEveryAttemptIsBusy() {
        OptimisticLockingException last = new OptimisticLockingException("the third");
        ProcessMovingOn process = new ProcessMovingOn(new OptimisticLockingException("the first"), new OptimisticLockingException("the second"), last,
                new OptimisticLockingException("never reached"));

        assertThatThrownBy(() -> processChanges.attempt(process::change)).isInstanceOf(ProcessBusyException.class).hasCause(last);
        assertThat(process.attempts).isEqualTo(ProcessChangeRetry.ATTEMPTS);
        assertThat(transactions.rollbacks).isEqualTo(ProcessChangeRetry.ATTEMPTS);
        assertThat(transactions.commits).isZero();
    }

    @Test
    void aChangeRolledBackAsADeadlocksVictimIsMadeAgain() {
        // as the engine reported PostgreSQL choosing a Cancel's transaction while a job of its process committed
        ProcessMovingOn process = new ProcessMovingOn(new ProcessEnginePersistenceException("An exception occurred in the persistence layer",
                new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation 'DELETE ExecutionEntity[b38b95bb]'",
                        new SQLException("ERROR: deadlock detected", "40P01"))));

        assertThat(processChanges.attempt(process::change)).isEqualTo("changed at attempt 2");
        assertThat(transactions.rollbacks).isOne();
        assertThat(transactions.commits).isOne();
    }

    @Test
    void aDatabaseRefusalOtherThanADeadlockIsTheChangesOwn() {
        ProcessEnginePersistenceException duplicate = new ProcessEnginePersistenceException("An exception occurred in the persistence layer",
                new SQLException("ERROR: duplicate key value violates unique constraint", "23505"));
        ProcessMovingOn process = new ProcessMovingOn(duplicate);

        assertThatThrownBy(() -> processChanges.attempt(process::change)).isSameAs(duplicate);
        assertThat(process.attempts).isOne();
    }

    @Test
    void anyOtherFailureIsTheChangesOwnAndNotRepeated() {
        IllegalStateException refused = new IllegalStateException("not waiting for it");
        ProcessMovingOn process = new ProcessMovingOn(refused);

        assertThatThrownBy(() -> processChanges.attempt(process::change)).isSameAs(refused);
        assertThat(process.attempts).isOne();
        assertThat(transactions.rollbacks).isOne();
    }

    /** Each attempt fails as the engine does while the process moves on, until the listed failures are used up. */
    private static final class ProcessMovingOn {

        private final Deque<RuntimeException> failures;
        private int attempts;

        ProcessMovingOn(RuntimeException... failures) {
            this.failures = new ArrayDeque<>(List.of(failures));
        }

        String change() {
            attempts++;
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
            return "changed at attempt " + attempts;
        }
    }
}
