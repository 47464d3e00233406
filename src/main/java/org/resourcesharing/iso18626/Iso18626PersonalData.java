package org.resourcesharing.iso18626;

import java.util.Objects;
import java.util.stream.Collectors;

import org.resourcesharing.platform.PersonalDataStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person in the ISO 18626 message record of a finished process: a patron's note travels to the
 * lender in the request's {@code note}. The messages stay (partners' fill rates and turnaround are
 * counted from them), without the person's words.
 */
@Component
class Iso18626PersonalData implements PersonalDataStore {

    private final JdbcClient jdbc;

    Iso18626PersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(ErasedCase erased) {
        jdbc.sql("select id, message_xml, confirmation_xml, note from iso18626_message where business_key = ? or process_instance_id = ?")
                .params(erased.businessKey(), erased.processInstanceId())
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list()
                .forEach(message -> {
                    String xml = withoutThePerson(erased, message[1]);
                    String confirmation = withoutThePerson(erased, message[2]);
                    String note = erased.withoutThePerson(message[3]);
                    if (!Objects.equals(xml, message[1]) || !Objects.equals(confirmation, message[2]) || !Objects.equals(note, message[3])) {
                        jdbc.sql("update iso18626_message set message_xml = ?, confirmation_xml = ?, note = ? where id = ?")
                                .params(xml, confirmation, note, message[0]).update();
                    }
                });
    }

    /** The values as they appear in XML text: as they are, and with their markup characters escaped. */
    private static String withoutThePerson(ErasedCase erased, String xml) {
        if (xml == null) {
            return null;
        }
        ErasedCase escaped = new ErasedCase(erased.processDefinitionKey(), erased.processInstanceId(), erased.businessKey(),
                erased.personalValues().stream().map(value -> value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
                        .collect(Collectors.toSet()));
        return escaped.withoutThePerson(erased.withoutThePerson(xml));
    }
}
