package org.resourcesharing.mail;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit record of every email sent. Each change commits on its own, whatever becomes of the
 * process step around it: a send that reached the mail server stays recorded as SENT even if the
 * step is rolled back and retried, and the retry then does not send again.
 */
@Repository
class SentMailStore {

    enum Status {
        SENDING, SENT, FAILED
    }

    record SentMail(String sendKey, String messageId, Status status, int attempts) {
    }

    private final JdbcClient jdbc;

    SentMailStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SentMail> find(String sendKey) {
        return jdbc.sql("select send_key, message_id, status, attempts from mail_sent where send_key = ?").param(sendKey)
                .query((rs, row) -> new SentMail(rs.getString(1), rs.getString(2), Status.valueOf(rs.getString(3)), rs.getInt(4)))
                .optional();
    }

    /** Records an attempt about to be made; returns the Message-ID to send under (the same for every attempt). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String attempt(Notification notification, String subject, String newMessageId) {
        Optional<SentMail> existing = find(notification.sendKey());
        if (existing.isPresent()) {
            jdbc.sql("update mail_sent set status = 'SENDING', attempts = attempts + 1 where send_key = ?").param(notification.sendKey()).update();
            return existing.get().messageId();
        }
        jdbc.sql("""
                insert into mail_sent (id, send_key, message_id, recipient, template, language, subject, case_token, process_instance_id,
                    business_key, status, attempts, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SENDING', 1, ?)
                """)
                .params(UUID.randomUUID().toString(), notification.sendKey(), newMessageId, notification.recipient(), notification.template(),
                        notification.language(), subject, notification.caseToken(), notification.processInstanceId(),
                        notification.businessKey(), OffsetDateTime.now())
                .update();
        return newMessageId;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void sent(String sendKey) {
        jdbc.sql("update mail_sent set status = 'SENT', sent_at = ?, last_error = null where send_key = ?")
                .params(OffsetDateTime.now(), sendKey).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String sendKey, String error) {
        jdbc.sql("update mail_sent set status = 'FAILED', last_error = ? where send_key = ?")
                .params(error.length() > 1000 ? error.substring(0, 1000) : error, sendKey).update();
    }

    /** The process a Message-ID we sent belongs to, for replies that quote it in In-Reply-To or References. */
    Optional<String> processInstanceOfMessageId(String messageId) {
        return jdbc.sql("select process_instance_id from mail_sent where message_id = ?").param(messageId).query(String.class).optional();
    }
}
