package org.resourcesharing.mail;

/**
 * What the jobs mailbox does with an email from someone saying they cannot work a shift; the feature
 * that keeps the desk roster implements it (mail knows no feature). Called in the transaction that
 * records the message, so the absence it starts is recorded exactly once with it.
 */
public interface ShiftAbsenceIntake {

    /**
     * Starts the cover of the sender's shift the words name, or says why it cannot.
     *
     * @param fromAddress who sent the email
     * @param words       its subject and text
     */
    Reported report(String fromAddress, String words);

    /** The process started for the absence, or (both null) the reason nothing was started. */
    record Reported(String processInstanceId, String businessKey, String refusal) {

        public static Reported started(String processInstanceId, String businessKey) {
            return new Reported(processInstanceId, businessKey, null);
        }

        public static Reported refused(String reason) {
            return new Reported(null, null, reason);
        }
    }
}
