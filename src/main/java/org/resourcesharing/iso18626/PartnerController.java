package org.resourcesharing.iso18626;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.resourcesharing.iso18626.Partner.AuthenticationType;
import org.resourcesharing.iso18626.Partner.Credentials;
import org.resourcesharing.platform.FieldErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The partner directory over REST: resource-sharing staff read it, managers change it
 * ({@code PUT /api/partners/{agencyId}} creates or replaces). Secrets go in, never out.
 */
@RestController
@RequestMapping("/api/partners")
class PartnerController {

    private final PartnerDirectory directory;

    PartnerController(PartnerDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    List<PartnerView> list() {
        return directory.list().stream().map(PartnerView::of).toList();
    }

    @GetMapping("/{agencyId}")
    PartnerView get(@PathVariable String agencyId) {
        return directory.find(agencyId).map(PartnerView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No partner " + agencyId));
    }

    @PutMapping("/{agencyId}")
    PartnerView save(@PathVariable String agencyId, @Valid @RequestBody PartnerForm form, Principal manager) {
        FieldErrors errors = new FieldErrors();
        if (!agencyId.matches(AGENCY_ID)) {
            errors.add("agencyId", "must be TYPE:VALUE, e.g. ISIL:CA-OKQ");
        }
        Currency currency = null;
        try {
            currency = Currency.getInstance(form.currency());
        } catch (IllegalArgumentException unknown) {
            errors.add("currency", "'" + form.currency() + "' is not an ISO 4217 currency code");
        }
        Duration answerTimeout = null;
        try {
            answerTimeout = Duration.parse(form.answerTimeout());
        } catch (DateTimeParseException notADuration) {
            errors.add("answerTimeout", "'" + form.answerTimeout() + "' is not an ISO 8601 duration such as P3D");
        }
        if (form.incomingAuthentication() == null && directory.find(agencyId).isEmpty()) {
            errors.add("incomingAuthentication", "a new partner needs the credentials it calls us with");
        }
        if (!form.emailOnly() && (form.endpointUrl() == null || !form.endpointUrl().matches("https?://\\S+"))) {
            errors.add("endpointUrl", "an http(s) URL, unless the partner takes requests by email only");
        }
        if (form.emailOnly() && (form.email() == null || form.email().isBlank())) {
            errors.add("email", "a partner that takes requests by email only needs an email address");
        }
        errors.throwIfAny();
        Partner partner = new Partner(agencyId, form.name(), form.own(), form.emailOnly() ? null : form.endpointUrl(), form.email(),
                form.tier(), currency.getCurrencyCode(), form.lendingFee(), answerTimeout,
                form.outgoingAuthentication() == null ? null : form.outgoingAuthentication().credentials(),
                form.active() == null || form.active());
        Credentials incoming = form.incomingAuthentication() == null ? null : form.incomingAuthentication().credentials();
        return PartnerView.of(directory.save(partner, incoming, manager.getName()));
    }

    static final String AGENCY_ID = "[A-Za-z0-9]+:[A-Za-z0-9._/-]+";

    record CredentialsForm(@NotNull AuthenticationType type, String username, @NotBlank String secret) {

        Credentials credentials() {
            return new Credentials(type, username, secret);
        }
    }

    record PartnerForm(
            @NotBlank String name,
            boolean own,
            boolean emailOnly,
            String endpointUrl,
            @Email String email,
            @NotBlank String tier,
            @NotBlank String currency,
            @NotNull @DecimalMin("0.00") BigDecimal lendingFee,
            @NotBlank String answerTimeout,
            @Valid CredentialsForm incomingAuthentication,
            @Valid CredentialsForm outgoingAuthentication,
            Boolean active) {
    }

    record PartnerView(String agencyId, String name, boolean own, boolean emailOnly, String endpointUrl, String email, String tier,
            String currency, BigDecimal lendingFee, String answerTimeout, AuthenticationType outgoingAuthentication, boolean active) {

        static PartnerView of(Partner partner) {
            return new PartnerView(partner.agencyId(), partner.name(), partner.own(), partner.emailOnly(), partner.endpointUrl(),
                    partner.email(), partner.tier(), partner.currency(), partner.lendingFee(), partner.answerTimeout().toString(),
                    partner.outgoing() == null ? null : partner.outgoing().type(), partner.active());
        }
    }
}
