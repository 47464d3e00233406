package org.resourcesharing.hiring;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.encrypt.BytesEncryptor;

/**
 * A hired student's personnel file (V10_1): every item encrypted at rest with AES-GCM, never in a
 * process variable. An item given again replaces the earlier one.
 */
class PersonnelFile {

    static final List<String> ITEMS = List.of("td1", "sin", "banking", "aoda", "whsa", "eligibility");

    /** What the file holds of an item, without its content. */
    record Item(String item, String fileName, String mediaType, String receivedBy, OffsetDateTime receivedAt) {
    }

    private final JdbcClient jdbc;
    private final BytesEncryptor encryptor;

    PersonnelFile(JdbcClient jdbc, BytesEncryptor encryptor) {
        this.jdbc = jdbc;
        this.encryptor = encryptor;
    }

    void store(String applicationNumber, String item, String fileName, String mediaType, byte[] content, String receivedBy) {
        byte[] encrypted = encryptor.encrypt(content);
        int updated = jdbc.sql("""
                update hiring_personnel_item set file_name = ?, media_type = ?, content = ?, received_by = ?, received_at = ?
                where application_number = ? and item = ?
                """).params(fileName, mediaType, encrypted, receivedBy, OffsetDateTime.now(), applicationNumber, item).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into hiring_personnel_item (id, application_number, item, file_name, media_type, content, received_by, received_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(UUID.randomUUID().toString(), applicationNumber, item, fileName, mediaType, encrypted, receivedBy,
                    OffsetDateTime.now()).update();
        }
    }

    List<Item> items(String applicationNumber) {
        return jdbc.sql("select item, file_name, media_type, received_by, received_at from hiring_personnel_item where application_number = ? order by item")
                .param(applicationNumber)
                .query((row, n) -> new Item(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getObject(5, OffsetDateTime.class)))
                .list();
    }

    /** The item's content, decrypted. */
    Optional<byte[]> content(String applicationNumber, String item) {
        return jdbc.sql("select content from hiring_personnel_item where application_number = ? and item = ?").params(applicationNumber, item)
                .query((row, n) -> row.getBytes(1)).optional().map(encryptor::decrypt);
    }

    /** Deletes every item of the student's file; returns how many there were. */
    int delete(String applicationNumber) {
        return jdbc.sql("delete from hiring_personnel_item where application_number = ?").param(applicationNumber).update();
    }
}
