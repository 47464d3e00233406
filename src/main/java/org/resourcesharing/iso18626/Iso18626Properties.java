package org.resourcesharing.iso18626;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxMessageBytes largest message accepted at {@code /iso18626}
 * @param connectTimeout  how long we try to reach a partner's endpoint
 * @param readTimeout     how long we wait for a partner's confirmation
 */
@ConfigurationProperties("resource-sharing.iso18626")
public record Iso18626Properties(
        @DefaultValue("1048576") int maxMessageBytes,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {
}
