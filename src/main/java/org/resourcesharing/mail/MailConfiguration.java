package org.resourcesharing.mail;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    static {
        // Jakarta Mail looks its stream provider up with a ServiceLoader scan of the class path for every message, body
        // part and header block it makes or writes (a twentieth of a borrowing request's work); named, it is made directly.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
        }
    }

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
