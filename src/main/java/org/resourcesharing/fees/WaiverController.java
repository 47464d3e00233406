package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/fees/waivers}: resource-sharing staff ask to let a patron or partner off a
 * charge, with {@code {"postingId": "...", "amount": 10.00, "reason": "..."}} (no amount: all that is
 * outstanding). Starts the process {@code fee-waiver} in the caller's name. Within the staff limit it
 * is posted at once: 201 with the waiver's posting and the account's balance. Above it: 202, waiting
 * for a manager's approval in Tasklist. A waiver that cannot be: 400 naming the field.
 */
@RestController
class WaiverController {

    static final String PROCESS = "fee-waiver";

    private final Waivers waivers;
    private final RuntimeService runtimeService;

    WaiverController(Waivers waivers, RuntimeService runtimeService) {
        this.waivers = waivers;
        this.runtimeService = runtimeService;
    }

    record WaiverForm(String postingId, BigDecimal amount, String reason) {
    }

    /**
     * @param status   {@code posted}, {@code awaiting-approval}, or {@code refused} (409: the charge changed
     *                 meanwhile; the caller gets a task saying why)
     * @param posting  the waiver's posting (a reversal, or a WAIVER posting), when posted
     * @param balances the account's balance per currency now (positive: they owe us)
     */
    record WaiverAnswer(String processInstanceId, String status, Posting posting, Map<String, BigDecimal> balances) {
    }

    @PostMapping("/api/fees/waivers")
    ResponseEntity<WaiverAnswer> waive(@RequestBody WaiverForm form, Principal staff) {
        Waivers.Check check = waivers.check(form.postingId(), form.amount(), form.reason(), staff.getName()); // 400 before anything starts
        VariableMap variables = Variables.createVariables()
                .putValue("postingId", check.charge().id().toString())
                .putValue("waiveAmount", check.amount().toPlainString())
                .putValue("waiverReason", form.reason())
                .putValue("requestedBy", staff.getName());
        ProcessInstanceWithVariables waiver = runtimeService.createProcessInstanceByKey(PROCESS).setVariables(variables)
                .executeWithVariablesInReturn();
        Object postingId = waiver.getVariables().get("waiverPostingId");
        Map<String, BigDecimal> balances = waivers.balance(check.charge());
        if (waiver.getVariables().get("waiverRefusal") != null) { // the charge changed between the check and the posting
            return ResponseEntity.status(HttpStatus.CONFLICT).body(new WaiverAnswer(waiver.getId(), "refused", null, balances));
        }
        if (postingId == null) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new WaiverAnswer(waiver.getId(), "awaiting-approval", null, balances));
        }
        Posting posting = waivers.posting(postingId.toString());
        return ResponseEntity.status(HttpStatus.CREATED).body(new WaiverAnswer(waiver.getId(), "posted", posting, balances));
    }
}
