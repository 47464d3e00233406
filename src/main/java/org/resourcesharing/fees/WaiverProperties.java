package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.util.Currency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fee waivers ({@code bpmn/fee-waiver.bpmn}).
 *
 * @param staffLimit the most staff may waive of one charge without a manager's approval
 * @param currency   the currency of the staff limit; a waiver of a charge in another currency always needs approval
 */
@ConfigurationProperties("resource-sharing.fees.waiver")
record WaiverProperties(@DefaultValue("25.00") BigDecimal staffLimit, @DefaultValue("CAD") Currency currency) {
}
