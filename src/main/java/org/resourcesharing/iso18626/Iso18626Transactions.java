package org.resourcesharing.iso18626;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ISO 18626 transactions the library takes part in: which process (by business key) a
 * partner's message about a request belongs to.
 */
@Repository
class Iso18626Transactions {

    enum Role {
        /** We asked the partner to supply (borrowing). */
        REQUESTER,
        /** The partner asked us to supply (lending). */
        SUPPLIER
    }

    record Transaction(String id, Role role, String requestingAgencyId, String requestingRequestId, String supplyingAgencyId,
            String supplyingRequestId, String businessKey) {
    }

    private final JdbcClient jdbc;

    Iso18626Transactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Transaction> find(Role role, String requestingAgencyId, String requestingRequestId, String supplyingAgencyId) {
        return jdbc.sql("""
                select id, role, requesting_agency_id, requesting_request_id, supplying_agency_id, supplying_request_id, business_key
                from iso18626_transaction
                where role = ? and requesting_agency_id = ? and requesting_request_id = ? and supplying_agency_id = ?
                """)
                .params(role.name(), requestingAgencyId, requestingRequestId, supplyingAgencyId)
                .query((rs, row) -> new Transaction(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .optional();
    }

    /** Records a new transaction; a second one with the same parties and request id fails on the unique key. */
    Transaction create(Role role, String requestingAgencyId, String requestingRequestId, String supplyingAgencyId,
            String supplyingRequestId, String businessKey) {
        Transaction transaction = new Transaction(UUID.randomUUID().toString(), role, requestingAgencyId, requestingRequestId,
                supplyingAgencyId, supplyingRequestId, businessKey);
        jdbc.sql("""
                insert into iso18626_transaction (id, role, requesting_agency_id, requesting_request_id, supplying_agency_id,
                    supplying_request_id, business_key, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(transaction.id(), role.name(), requestingAgencyId, requestingRequestId, supplyingAgencyId, supplyingRequestId,
                        businessKey, OffsetDateTime.now())
                .update();
        return transaction;
    }

    /** The supplier's own id for our request arrives with its first answer. */
    void rememberSupplyingRequestId(String transactionId, String supplyingRequestId) {
        jdbc.sql("update iso18626_transaction set supplying_request_id = ? where id = ? and supplying_request_id is null")
                .params(supplyingRequestId, transactionId).update();
    }
}
