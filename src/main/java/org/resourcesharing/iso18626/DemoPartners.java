package org.resourcesharing.iso18626;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.resourcesharing.iso18626.Partner.Credentials;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Seeds the partner directory of the demo: two own agencies that lend to each other through this
 * very instance, and external partners of each tier. Only partners not yet in the directory are
 * added, so changes made through the API survive a restart.
 */
@Component
@Profile("demo & !prod")
class DemoPartners implements SmartInitializingSingleton {

    private final PartnerDirectory directory;
    private final Properties properties;

    DemoPartners(PartnerDirectory directory, Properties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Properties.DemoPartner seed : properties.partners()) {
            if (directory.find(seed.agencyId()).isEmpty()) {
                Partner partner = new Partner(seed.agencyId(), seed.name(), seed.own(), seed.endpointUrl(), seed.email(), seed.tier(),
                        seed.currency(), seed.lendingFee(), seed.answerTimeout(), seed.outgoing(), true);
                directory.save(partner, seed.incoming(), "demo");
            }
        }
    }

    @ConfigurationProperties("resource-sharing.demo")
    record Properties(@DefaultValue List<DemoPartner> partners) {

        record DemoPartner(String agencyId, String name, boolean own, String endpointUrl, String email, String tier, String currency,
                BigDecimal lendingFee, @DefaultValue("P3D") Duration answerTimeout, Credentials incoming, Credentials outgoing) {
        }
    }
}
