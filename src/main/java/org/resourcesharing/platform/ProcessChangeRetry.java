package org.resourcesharing.platform;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one way something from outside (a partner's ISO 18626 message, an email, what staff, patrons and students do
 * through the APIs and pages, a task completed on a staff page) is handed to a running process: when a job of the same
 * process (the catalogue check, say) commits at that very moment, the engine refuses the change
 * ({@link OptimisticLockingException}), the event it was for is gone ({@link MismatchingMessageCorrelationException})
 * or the database rolls it back as a deadlock's victim. Each attempt runs in a new transaction, which keeps nothing of a
 * refused one, so the next attempt meets the process as it then is: still waiting, or past the point where the change
 * mattered (the change's own checks then answer). A process moving on at every attempt ends in
 * {@link ProcessBusyException}: send again, or try again, after {@link #RETRY_AFTER}. What the caller records with the
 * change belongs inside the attempt, so that it commits, or is undone, with it.
 */
@Component
public class ProcessChangeRetry {

    /** How often a change is handed to its process when the process moves on at that very moment. */
    public static final int ATTEMPTS = 3;
    /** After how long a change its busy process could not take may be tried again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    /** {@link #RETRY_AFTER} as the value of an HTTP {@code Retry-After} header. */
    public static final String RETRY_AFTER_HEADER = String.valueOf(RETRY_AFTER.toSeconds());

    private static final Logger log = LoggerFactory.getLogger(ProcessChangeRetry.class);

    private final TransactionTemplate newTransaction;

    public ProcessChangeRetry(PlatformTransactionManager transactions) {
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The change's result; {@link ProcessBusyException} when its process moved on at every attempt. Any other failure is the change's own. */
    public <T> T attempt(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return newTransaction.execute(status -> change.get());
            } catch (RuntimeException failure) {
                if (!metTheProcessMovingOn(failure)) {
                    throw failure;
                }
                if (attempt == ATTEMPTS) {
                    throw new ProcessBusyException(failure);
                }
                log.debug("Attempt {} met the process moving on; handing the change over again", attempt, failure);
            }
        }
    }

    /**
     * The engine refused the change because the process moved on, or the database chose its transaction as the one to
     * roll back when both wrote the same rows in opposite order (a deadlock, seen on PostgreSQL when a partner's Cancel
     * ended a process while its catalogue check committed).
     */
    private static boolean metTheProcessMovingOn(RuntimeException failure) {
        if (failure instanceof OptimisticLockingException || failure instanceof MismatchingMessageCorrelationException) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // SQLSTATE class 40, transaction rollback: a deadlock (PostgreSQL 40P01, H2 40001) or a serialization failure
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A page shown again because its change found the process busy: 503 with {@code Retry-After}, and
     * {@code retryAfterSeconds} for the page to say when to try again.
     */
    public static ModelAndView tryAgainLater(ModelAndView page, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_HEADER);
        page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        return page.addObject("retryAfterSeconds", RETRY_AFTER.toSeconds());
    }

    /** The process moved on at each of the {@link #ATTEMPTS}; nothing of the change was kept. */
    public static final class ProcessBusyException extends RuntimeException {

        ProcessBusyException(RuntimeException lastConflict) {
            super("the process moved on at each of " + ATTEMPTS + " attempts; nothing was changed", lastConflict);
        }
    }
}
