package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.resourcesharing.fees.Posting.AccountType;
import org.resourcesharing.fees.Posting.Direction;
import org.resourcesharing.fees.Posting.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger_posting table. Inserts and reads only: postings are never updated or deleted. */
@Repository
class PostingStore {

    private final JdbcClient jdbc;
    private final PaymentUnits units;

    PostingStore(JdbcClient jdbc, PaymentUnits units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    void insert(Posting posting) {
        jdbc.sql("""
                insert into ledger_posting (id, account_type, account_id, direction, kind, amount, currency, home_amount, home_currency,
                    exchange_rate, rate_date, rate_source, business_key, process_instance_id, posting_key, reverses, posted_by, reason, posted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(posting.id().toString(), posting.accountType().name(), posting.accountId(), posting.direction().name(),
                        posting.kind().name(), posting.amount(), posting.currency(), posting.homeAmount(), posting.homeCurrency(),
                        posting.exchangeRate(), posting.rateDate(), posting.rateSource(), posting.businessKey(), posting.processInstanceId(),
                        posting.postingKey(), posting.reverses() == null ? null : posting.reverses().toString(), posting.postedBy(),
                        posting.reason(), posting.postedAt())
                .update();
    }

    Optional<Posting> find(UUID id) {
        return jdbc.sql("select * from ledger_posting where id = ?").param(id.toString()).query(this::posting).optional();
    }

    /**
     * Locks the posting's row until the caller's transaction ends, so that decisions about it (two
     * waivers of one charge) are taken one after the other, each seeing what the other posted.
     */
    void lock(UUID id) {
        jdbc.sql("select id from ledger_posting where id = ? for update").param(id.toString()).query(String.class).optional();
    }

    Optional<Posting> findByKey(String postingKey) {
        return jdbc.sql("select * from ledger_posting where posting_key = ?").param(postingKey).query(this::posting).optional();
    }

    Optional<Posting> reversalOf(UUID id) {
        return jdbc.sql("select * from ledger_posting where reverses = ?").param(id.toString()).query(this::posting).optional();
    }

    List<Posting> forAccount(AccountType accountType, String accountId) {
        return jdbc.sql("select * from ledger_posting where account_type = ? and account_id = ? order by posted_at, id")
                .params(accountType.name(), accountId).query(this::posting).list();
    }

    /** Posted from {@code from} (inclusive) to {@code to} (exclusive), oldest first; of every account of the type when {@code accountId} is null. */
    List<Posting> postedBetween(AccountType accountType, String accountId, OffsetDateTime from, OffsetDateTime to) {
        if (accountId == null) {
            return jdbc.sql("select * from ledger_posting where account_type = ? and posted_at >= ? and posted_at < ? order by posted_at, id")
                    .params(accountType.name(), from, to).query(this::posting).list();
        }
        return jdbc.sql("""
                select * from ledger_posting where account_type = ? and account_id = ? and posted_at >= ? and posted_at < ?
                order by posted_at, id
                """)
                .params(accountType.name(), accountId, from, to).query(this::posting).list();
    }

    List<Posting> forRequest(String businessKey) {
        return jdbc.sql("select * from ledger_posting where business_key = ? order by posted_at, id")
                .param(businessKey).query(this::posting).list();
    }

    /** Per currency: what is receivable minus what is payable, summed exactly by the database's numeric type. */
    Map<String, BigDecimal> balance(AccountType accountType, String accountId) {
        Map<String, BigDecimal> balances = new TreeMap<>();
        jdbc.sql("""
                select currency, sum(case when direction = 'RECEIVABLE' then amount else -amount end) as balance
                from ledger_posting where account_type = ? and account_id = ? group by currency
                """)
                .params(accountType.name(), accountId)
                .query(rs -> {
                    String currency = rs.getString("currency");
                    balances.put(currency, inMinorUnits(rs.getBigDecimal("balance"), currency));
                });
        return balances;
    }

    private Posting posting(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        String homeCurrency = rs.getString("home_currency");
        String reverses = rs.getString("reverses");
        return new Posting(UUID.fromString(rs.getString("id")), AccountType.valueOf(rs.getString("account_type")), rs.getString("account_id"),
                Direction.valueOf(rs.getString("direction")), Kind.valueOf(rs.getString("kind")),
                inMinorUnits(rs.getBigDecimal("amount"), currency), currency,
                homeCurrency == null ? null : inMinorUnits(rs.getBigDecimal("home_amount"), homeCurrency), homeCurrency,
                rate(rs.getBigDecimal("exchange_rate")), rs.getObject("rate_date", LocalDate.class), rs.getString("rate_source"),
                rs.getString("business_key"), rs.getString("process_instance_id"), rs.getString("posting_key"),
                reverses == null ? null : UUID.fromString(reverses), rs.getString("posted_by"), rs.getString("reason"),
                rs.getObject("posted_at", OffsetDateTime.class));
    }

    /**
     * The column keeps four decimals; amounts are shown with their currency's (CAD 5.00, JPY 500, 1.5
     * vouchers). Never rounds. A code no longer known (the voucher's code changed) keeps the column's decimals.
     */
    private BigDecimal inMinorUnits(BigDecimal amount, String currency) {
        return units.find(currency).map(unit -> unit.scaled(amount)).orElse(amount);
    }

    private static BigDecimal rate(BigDecimal rate) {
        if (rate == null) {
            return null;
        }
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
