package org.resourcesharing.iso18626;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class Iso18626Configuration {

    @Bean
    Iso18626Codec iso18626Codec(Iso18626Properties properties) {
        return new Iso18626Codec(properties.maxMessageBytes());
    }
}
