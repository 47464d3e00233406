package org.resourcesharing.fees;

import java.util.Currency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param homeCurrency the currency the library keeps its books in; postings in another currency are converted to it */
@ConfigurationProperties("resource-sharing.fees")
record FeesProperties(@DefaultValue("CAD") Currency homeCurrency) {
}
