package org.resourcesharing.iso18626;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.resourcesharing.iso18626.Partner.AuthenticationType;
import org.resourcesharing.iso18626.Partner.Credentials;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The partner libraries and own agencies, in the database; managers edit them through {@code /api/partners}. */
@Service
public class PartnerDirectory {

    private static final int MAX_VERIFIED_SECRETS = 1000;
    private static final String COLUMNS = "agency_id, name, own_agency, endpoint_url, email, tier, currency, lending_fee, "
            + "answer_timeout, outgoing_auth_type, outgoing_username, outgoing_secret, active";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    /** Digests of secrets with their hash that matched (see secretMatches); forgotten all at once when full. */
    private final Set<String> verifiedSecrets = ConcurrentHashMap.newKeySet();

    PartnerDirectory(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    public Optional<Partner> find(String agencyId) {
        return jdbc.sql("select " + COLUMNS + " from partner where agency_id = ?").param(agencyId).query(PartnerDirectory::partner).optional();
    }

    /** An active partner or own agency; empty for unknown or deactivated ones. */
    public Optional<Partner> findActive(String agencyId) {
        return find(agencyId).filter(Partner::active);
    }

    /** The partner that wrote from this address: its own address first, else the only partner whose address has the same domain. */
    public Optional<Partner> findByEmailAddress(String address) {
        if (address == null || !address.contains("@")) {
            return Optional.empty();
        }
        String normalised = address.trim().toLowerCase(Locale.ROOT);
        Optional<Partner> exact = jdbc.sql("select " + COLUMNS + " from partner where lower(email) = ? and active")
                .param(normalised).query(PartnerDirectory::partner).optional();
        if (exact.isPresent()) {
            return exact;
        }
        List<Partner> sameDomain = jdbc.sql("select " + COLUMNS + " from partner where lower(email) like ? and active and not own_agency")
                .param("%@" + normalised.substring(normalised.indexOf('@') + 1)).query(PartnerDirectory::partner).list();
        return sameDomain.size() == 1 ? Optional.of(sameDomain.get(0)) : Optional.empty();
    }

    public List<Partner> list() {
        return jdbc.sql("select " + COLUMNS + " from partner order by own_agency desc, name").query(PartnerDirectory::partner).list();
    }

    public List<Partner> ownAgencies() {
        return jdbc.sql("select " + COLUMNS + " from partner where own_agency and active order by name").query(PartnerDirectory::partner).list();
    }

    /**
     * Creates or replaces a partner. Credentials left null on an update are kept as they are; the
     * secret a partner calls us with is stored only as a hash.
     */
    @Transactional
    public Partner save(Partner partner, Credentials incoming, String changedBy) {
        boolean exists = find(partner.agencyId()).isPresent();
        if (!exists && incoming == null) {
            throw new IllegalArgumentException("incomingAuthentication: a new partner needs the credentials it calls us with");
        }
        Map<String, Object> columns = new HashMap<>();
        columns.put("id", partner.agencyId());
        columns.put("name", partner.name());
        columns.put("own", partner.own());
        columns.put("endpoint", blankToNull(partner.endpointUrl()));
        columns.put("email", partner.email());
        columns.put("tier", partner.tier());
        columns.put("currency", partner.currency());
        columns.put("fee", partner.lendingFee());
        columns.put("timeout", partner.answerTimeout().toString());
        columns.put("active", partner.active());
        columns.put("now", OffsetDateTime.now());
        columns.put("by", changedBy);
        if (exists) {
            jdbc.sql("""
                    update partner set name = :name, own_agency = :own, endpoint_url = :endpoint, email = :email, tier = :tier,
                        currency = :currency, lending_fee = :fee, answer_timeout = :timeout, active = :active, updated_at = :now,
                        updated_by = :by
                    where agency_id = :id
                    """).params(columns).update();
        } else {
            columns.put("inType", incoming.type().name());
            columns.put("inUser", incoming.username());
            columns.put("inHash", passwordEncoder.encode(incoming.secret()));
            jdbc.sql("""
                    insert into partner (agency_id, name, own_agency, endpoint_url, email, tier, currency, lending_fee, answer_timeout,
                        active, updated_at, updated_by, incoming_auth_type, incoming_username, incoming_secret_hash)
                    values (:id, :name, :own, :endpoint, :email, :tier, :currency, :fee, :timeout, :active, :now, :by,
                        :inType, :inUser, :inHash)
                    """).params(columns).update();
        }
        if (exists && incoming != null) {
            jdbc.sql("update partner set incoming_auth_type = ?, incoming_username = ?, incoming_secret_hash = ? where agency_id = ?")
                    .params(incoming.type().name(), incoming.username(), passwordEncoder.encode(incoming.secret()), partner.agencyId())
                    .update();
        }
        Credentials outgoing = partner.outgoing();
        if (outgoing != null) {
            jdbc.sql("update partner set outgoing_auth_type = ?, outgoing_username = ?, outgoing_secret = ? where agency_id = ?")
                    .params(outgoing.type().name(), outgoing.username(), outgoing.secret(), partner.agencyId())
                    .update();
        }
        return find(partner.agencyId()).orElseThrow();
    }

    /**
     * Whether a call claiming to come from this partner proves it: HTTP Basic with the partner's
     * user name and password, or its shared secret as a bearer token or as the ISO 18626
     * {@code requestingAgencyAuthentication/securityCode}.
     */
    public boolean authenticates(String agencyId, String authorizationHeader, String securityCode) {
        record Stored(AuthenticationType type, String username, String hash) {
        }
        Optional<Stored> stored = jdbc.sql("select incoming_auth_type, incoming_username, incoming_secret_hash from partner where agency_id = ? and active")
                .param(agencyId)
                .query((rs, row) -> new Stored(AuthenticationType.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
                .optional();
        if (stored.isEmpty()) {
            return false;
        }
        String header = authorizationHeader == null ? "" : authorizationHeader.trim();
        return switch (stored.get().type()) {
            case BASIC -> header.regionMatches(true, 0, "Basic ", 0, 6) && basicMatches(header.substring(6).trim(), stored.get().username(), stored.get().hash());
            case SHARED_SECRET -> {
                String presented = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : securityCode;
                yield presented != null && !presented.isBlank() && secretMatches(presented, stored.get().hash());
            }
        };
    }

    private boolean basicMatches(String encoded, String username, String hash) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = decoded.indexOf(':');
        return colon > 0 && decoded.substring(0, colon).equals(username) && secretMatches(decoded.substring(colon + 1), hash);
    }

    /**
     * The stored hash is slow to check on purpose, and a partner sends every message with the same
     * secret: a secret that matched once is remembered, as a digest of it with its hash, so the same
     * pair is not checked again (under load the checks took the endpoint's CPU). A changed secret has
     * a new hash and is checked afresh; a wrong one is never remembered.
     */
    private boolean secretMatches(String presented, String hash) {
        String pair = digest(hash + "\n" + presented);
        if (verifiedSecrets.contains(pair)) {
            return true;
        }
        if (!passwordEncoder.matches(presented, hash)) {
            return false;
        }
        if (verifiedSecrets.size() >= MAX_VERIFIED_SECRETS) {
            verifiedSecrets.clear();
        }
        verifiedSecrets.add(pair);
        return true;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static Partner partner(ResultSet rs, int row) throws SQLException {
        String outgoingType = rs.getString("outgoing_auth_type");
        Credentials outgoing = outgoingType == null ? null
                : new Credentials(AuthenticationType.valueOf(outgoingType), rs.getString("outgoing_username"), rs.getString("outgoing_secret"));
        BigDecimal fee = rs.getBigDecimal("lending_fee");
        return new Partner(rs.getString("agency_id"), rs.getString("name"), rs.getBoolean("own_agency"), rs.getString("endpoint_url"),
                rs.getString("email"), rs.getString("tier"), rs.getString("currency"), fee,
                Duration.parse(rs.getString("answer_timeout")), outgoing, rs.getBoolean("active"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
