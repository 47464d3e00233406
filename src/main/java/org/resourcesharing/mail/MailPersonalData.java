package org.resourcesharing.mail;

import org.resourcesharing.platform.PersonalDataStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person in the mail records of a finished process: the address an email went to, and the
 * emails they sent us (sender, and the message itself). The records stay, so counts of what was
 * sent and received, their templates, times and outcomes remain.
 */
@Component
class MailPersonalData implements PersonalDataStore {

    private final JdbcClient jdbc;

    MailPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(ErasedCase erased) {
        jdbc.sql("select id, recipient, subject from mail_sent where process_instance_id = ?").param(erased.processInstanceId())
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list().stream()
                .filter(sent -> erased.mentionsThePerson(sent[1]) || erased.mentionsThePerson(sent[2]))
                .forEach(sent -> jdbc.sql("update mail_sent set recipient = null, subject = ? where id = ?")
                        .params(erased.withoutThePerson(sent[2]), sent[0]).update());
        // what a person wrote to us, in a process that is theirs: its sender and the message itself go
        jdbc.sql("select id, subject from mail_received where process_instance_id = ?").param(erased.processInstanceId())
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).list()
                .forEach(received -> jdbc.sql("update mail_received set from_address = null, subject = ?, raw_message = null where id = ?")
                        .params(erased.withoutThePerson(received[1]), received[0]).update());
    }
}
