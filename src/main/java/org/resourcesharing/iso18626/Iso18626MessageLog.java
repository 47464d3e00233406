package org.resourcesharing.iso18626;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Every ISO 18626 message in and out, with its confirmation: what staff read in a request's history. */
@Repository
public class Iso18626MessageLog {

    public enum Direction {
        IN, OUT
    }

    /** What became of a message. */
    public enum Outcome {
        /** Incoming, handed to the process it belongs to. */
        ROUTED,
        /** Incoming, a request we already have: answered again, nothing started. */
        DUPLICATE,
        /** Incoming, about a known request whose process was not waiting for it: kept for staff. */
        NOT_EXPECTED,
        /** Incoming, refused with an ERROR confirmation or as unauthenticated. */
        REJECTED,
        /** Outgoing, confirmed OK by the partner. */
        SENT,
        /** Outgoing, the partner answered with an ERROR confirmation. */
        PARTNER_ERROR,
        /** Outgoing, the partner could not be reached or gave no confirmation: retried by the engine. */
        SEND_FAILED
    }

    public record Entry(String id, Direction direction, String partnerAgencyId, String requestingRequestId, String businessKey,
            String processInstanceId, String messageType, String messageValue, Outcome outcome, String confirmationStatus,
            String errorType, String errorValue, String note, String messageXml, String confirmationXml, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;

    Iso18626MessageLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Entry entry) {
        jdbc.sql("""
                insert into iso18626_message (id, direction, partner_agency_id, requesting_request_id, business_key, process_instance_id,
                    message_type, message_value, outcome, confirmation_status, error_type, error_value, note, message_xml, confirmation_xml, created_at)
                values (:id, :direction, :partner, :requestId, :businessKey, :processInstanceId, :type, :value, :outcome,
                    :confirmationStatus, :errorType, :errorValue, :note, :xml, :confirmationXml, :createdAt)
                """)
                .param("id", entry.id() == null ? UUID.randomUUID().toString() : entry.id())
                .param("direction", entry.direction().name()).param("partner", entry.partnerAgencyId())
                .param("requestId", entry.requestingRequestId()).param("businessKey", entry.businessKey())
                .param("processInstanceId", entry.processInstanceId()).param("type", entry.messageType())
                .param("value", entry.messageValue()).param("outcome", entry.outcome().name())
                .param("confirmationStatus", entry.confirmationStatus()).param("errorType", entry.errorType())
                .param("errorValue", truncate(entry.errorValue())).param("note", truncate(entry.note()))
                .param("xml", entry.messageXml())
                .param("confirmationXml", entry.confirmationXml())
                .param("createdAt", entry.createdAt() == null ? OffsetDateTime.now() : entry.createdAt())
                .update();
    }

    /** For what must be kept even when the surrounding work is rolled back: refusals and failed sends. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSeparately(Entry entry) {
        record(entry);
    }

    /**
     * How one lender served the requests we sent it between two moments: how many we asked, how many it filled (it said
     * Loaned or CopyCompleted, at any time after), and the days from our request to that, as average, median and 90th
     * percentile (null when it filled none).
     */
    public record LenderFigures(String lenderId, long asked, long filled, Double averageDays, Double medianDays, Double p90Days) {
    }

    /**
     * {@link LenderFigures} of every lender we asked between the two moments (one lender only when
     * {@code lenderId} is given), computed in the database, over the requests whose outcome is known: a
     * request still waiting for the lender (no Loaned or CopyCompleted, no Unfilled or Cancelled from it, no
     * Cancel from us) is not counted, or a burst of new requests would look like a lender that fills none.
     */
    public List<LenderFigures> lenderFigures(OffsetDateTime from, OffsetDateTime to, String lenderId) {
        // derived tables, not WITH: H2 2.3 can answer a repeated WITH query with the rows of its previous parameters
        return jdbc.sql("""
                select lender, count(*) asked, count(filled_at) filled, avg(days) average_days,
                    percentile_cont(0.5) within group (order by days) median_days,
                    percentile_cont(0.9) within group (order by days) p90_days
                from (
                    select a.lender, f.filled_at, (extract(epoch from f.filled_at) - extract(epoch from a.asked_at)) / 86400.0 days
                    from (
                        select partner_agency_id lender, requesting_request_id request_id, min(created_at) asked_at from iso18626_message
                        where direction = 'OUT' and message_type = 'request' and created_at >= :from and created_at < :to
                          and (cast(:lender as varchar(100)) is null or partner_agency_id = :lender)
                        group by partner_agency_id, requesting_request_id) a
                    left join (
                        select partner_agency_id lender, requesting_request_id request_id, min(created_at) filled_at from iso18626_message
                        where direction = 'IN' and message_value in ('Loaned', 'CopyCompleted') and created_at >= :from
                          and (cast(:lender as varchar(100)) is null or partner_agency_id = :lender)
                        group by partner_agency_id, requesting_request_id) f
                    on f.lender = a.lender and f.request_id = a.request_id
                    left join (
                        select distinct partner_agency_id lender, requesting_request_id request_id from iso18626_message
                        where created_at >= :from and (cast(:lender as varchar(100)) is null or partner_agency_id = :lender)
                          and ((direction = 'IN' and message_value in ('Unfilled', 'Cancelled'))
                            or (direction = 'OUT' and message_type = 'requestingAgencyMessage' and message_value = 'Cancel'))) n
                    on n.lender = a.lender and n.request_id = a.request_id
                    where f.filled_at is not null or n.request_id is not null) served
                group by lender order by lender
                """).param("from", from).param("to", to).param("lender", lenderId)
                .query((rs, row) -> new LenderFigures(rs.getString("lender"), rs.getLong("asked"), rs.getLong("filled"),
                        days(rs, "average_days"), days(rs, "median_days"), days(rs, "p90_days")))
                .list();
    }

    public List<Entry> forBusinessKey(String businessKey) {
        return jdbc.sql("select * from iso18626_message where business_key = ? order by created_at, id").param(businessKey)
                .query(Iso18626MessageLog::entry).list();
    }

    public List<Entry> forRequestId(String requestingRequestId) {
        return jdbc.sql("select * from iso18626_message where requesting_request_id = ? order by created_at, id").param(requestingRequestId)
                .query(Iso18626MessageLog::entry).list();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getString("id"), Direction.valueOf(rs.getString("direction")), rs.getString("partner_agency_id"),
                rs.getString("requesting_request_id"), rs.getString("business_key"), rs.getString("process_instance_id"),
                rs.getString("message_type"), rs.getString("message_value"), Outcome.valueOf(rs.getString("outcome")),
                rs.getString("confirmation_status"), rs.getString("error_type"), rs.getString("error_value"), rs.getString("note"),
                rs.getString("message_xml"), rs.getString("confirmation_xml"), rs.getObject("created_at", OffsetDateTime.class));
    }

    private static Double days(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 1000 ? value : value.substring(0, 997) + "...";
    }
}
