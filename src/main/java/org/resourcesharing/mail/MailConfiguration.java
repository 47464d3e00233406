package org.resourcesharing.mail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    MailParser mailParser(MailProperties properties) {
        MailParsingLimits defaults = MailParsingLimits.defaults();
        return new MailParser(new MailParsingLimits(properties.maxMessageBytes(), properties.maxAttachmentBytes(), properties.tikaTimeout(),
                defaults.maxExtractedChars()));
    }

    @Bean
    RequestExtractor requestExtractor() {
        return new RequestExtractor();
    }

    @Bean
    MailClassifier mailClassifier() {
        return new MailClassifier();
    }
}
