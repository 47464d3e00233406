package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.resourcesharing.fees.Posting.AccountType;
import org.resourcesharing.platform.FieldErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger over REST: resource-sharing staff and managers read postings (of an account, or of a
 * request by its business key, which has a slash and so is a parameter) and balances; managers and
 * administrators reverse a posting, in their own name.
 */
@RestController
@RequestMapping("/api/ledger")
class LedgerController {

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/postings")
    List<Posting> postings(@RequestParam(required = false) String accountType, @RequestParam(required = false) String accountId,
            @RequestParam(required = false) String businessKey) {
        if (businessKey == null) {
            return ledger.postingsFor(accountType(accountType, accountId), accountId);
        }
        if (accountType != null || accountId != null) {
            new FieldErrors().add("businessKey", "give either accountType and accountId, or businessKey").throwIfAny();
        }
        return ledger.postingsForRequest(businessKey);
    }

    /** Positive: the account owes us; negative: we owe it. One amount per currency. */
    record Balances(AccountType accountType, String accountId, Map<String, BigDecimal> balances) {
    }

    @GetMapping("/balances")
    Balances balances(@RequestParam(required = false) String accountType, @RequestParam(required = false) String accountId) {
        AccountType type = accountType(accountType, accountId);
        return new Balances(type, accountId, ledger.balance(type, accountId));
    }

    record ReversalForm(@NotBlank String reason) {
    }

    @PostMapping("/postings/{id}/reversal")
    @ResponseStatus(HttpStatus.CREATED)
    Posting reverse(@PathVariable String id, @Valid @RequestBody ReversalForm form, Principal manager) {
        UUID postingId = uuid(id);
        if (postingId == null) {
            new FieldErrors().add("id", "'" + id + "' is not a posting id").throwIfAny();
        }
        return ledger.reverse(postingId, manager.getName(), form.reason());
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static AccountType accountType(String accountType, String accountId) {
        FieldErrors errors = new FieldErrors();
        AccountType type = Arrays.stream(AccountType.values()).filter(value -> value.name().equals(accountType)).findFirst().orElse(null);
        if (type == null) {
            errors.add("accountType", "required: PARTNER, PATRON or RIGHTS_HOLDER");
        }
        if (accountId == null || accountId.isBlank()) {
            errors.add("accountId", "required: a partner's agency id (e.g. ISIL:CA-OKQ) or a patron id");
        }
        errors.throwIfAny();
        return type;
    }
}
