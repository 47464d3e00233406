package org.resourcesharing.iso18626;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A library we exchange requests with, or one of the library's own agencies (which lend to each
 * other over the same protocol path).
 *
 * @param agencyId       {@code type:value}, e.g. {@code ISIL:CA-OKQ}
 * @param endpointUrl    its ISO 18626 endpoint, or null when it takes requests by email only
 * @param tier           consortium tier (own-campus, ocul, canada, us, international): an input of lending policy
 * @param answerTimeout  how long we wait for its answer before moving on
 * @param outgoing       how we authenticate our calls to it (null: no authentication)
 */
public record Partner(String agencyId, String name, boolean own, String endpointUrl, String email, String tier,
        String currency, BigDecimal lendingFee, Duration answerTimeout, Credentials outgoing, boolean active) {

    public boolean emailOnly() {
        return endpointUrl == null || endpointUrl.isBlank();
    }

    /** How one side proves who it is: HTTP Basic (user name and password) or a shared secret. */
    public enum AuthenticationType {
        BASIC, SHARED_SECRET
    }

    public record Credentials(AuthenticationType type, String username, String secret) {

        @Override
        public String toString() {
            return "Credentials[" + type + ", " + username + ", secret hidden]";
        }
    }
}
