package org.resourcesharing.lending;

import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.iso18626.Partner;
import org.resourcesharing.iso18626.PartnerDirectory;
import org.resourcesharing.iso18626.SendIso18626MessageDelegate;
import org.resourcesharing.mail.SendNotificationDelegate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code ${tellBorrower}}: gives the requesting library one of our answers or status changes the way
 * it takes them. A library with an ISO 18626 endpoint gets the supplying agency message described by
 * the step's input parameters (see {@link SendIso18626MessageDelegate}); a library that uses no ILL
 * system (the request came by email, or the partner directory lists no endpoint) gets the same news
 * as an email from the {@value #TEMPLATE} template, in the language it wrote in, and can answer it.
 * With the input parameter {@code alsoByEmail} a partner system's library also gets the email (an
 * overdue notice reaches a person, not only the partner's system).
 */
@Component("tellBorrower")
class TellBorrowerDelegate implements JavaDelegate {

    static final String TEMPLATE = "lending-status";

    private final SendIso18626MessageDelegate partnerSystem;
    private final SendNotificationDelegate email;
    private final Function<String, Optional<Partner>> partners;

    @Autowired
    TellBorrowerDelegate(SendIso18626MessageDelegate partnerSystem, SendNotificationDelegate email, PartnerDirectory directory) {
        this(partnerSystem, email, directory::find);
    }

    TellBorrowerDelegate(SendIso18626MessageDelegate partnerSystem, SendNotificationDelegate email, Function<String, Optional<Partner>> partners) {
        this.partnerSystem = partnerSystem;
        this.email = email;
        this.partners = partners;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<Partner> partner = Optional.ofNullable((String) execution.getVariable("requestingAgencyId")).flatMap(partners);
        boolean byEmail = "email".equals(execution.getVariable("requestChannel")) || partner.map(Partner::emailOnly).orElse(false);
        Object language = execution.getVariable("emailLanguage");
        if (!byEmail) {
            partnerSystem.execute(execution);
            String copyTo = partner.map(Partner::email).filter(address -> !address.isBlank()).orElse(null);
            if (Boolean.TRUE.equals(execution.getVariable("alsoByEmail")) && copyTo != null) {
                email.send(execution, TEMPLATE, copyTo, language == null ? "en" : language.toString());
            }
            return;
        }
        String address = Optional.ofNullable((String) execution.getVariable("requesterEmail"))
                .or(() -> partner.map(Partner::email))
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> new IllegalStateException("The requesting library takes email only, but neither the request nor the "
                        + "partner directory gives an address: add one to partner " + execution.getVariable("requestingAgencyId")));
        email.send(execution, TEMPLATE, address, language == null ? "en" : language.toString());
    }
}
