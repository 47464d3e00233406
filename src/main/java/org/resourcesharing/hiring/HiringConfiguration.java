package org.resourcesharing.hiring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.encrypt.Encryptors;

@Configuration(proxyBeanMethods = false)
class HiringConfiguration {

    @Bean
    Postings postings(JdbcClient jdbc) {
        return new Postings(jdbc);
    }

    @Bean
    Applications applications(JdbcClient jdbc, BytesEncryptor personalDataEncryptor) {
        return new Applications(jdbc, personalDataEncryptor);
    }

    @Bean
    ShiftCoverage shiftCoverage(JdbcClient jdbc, HiringProperties properties) {
        return new ShiftCoverage(jdbc, properties);
    }

    @Bean
    Roster roster(JdbcClient jdbc) {
        return new Roster(jdbc);
    }

    /**
     * What encrypts personnel files and résumés at rest: AES-GCM with a 256-bit key from the configured
     * password and salt; without them the application does not start.
     */
    @Bean
    BytesEncryptor personalDataEncryptor(HiringProperties properties) {
        HiringProperties.Encryption key = properties.encryption();
        if (key.password() == null || key.password().isBlank() || key.salt() == null || !key.salt().matches("([0-9a-fA-F]{2}){8,}")) {
            throw new IllegalStateException("resource-sharing.hiring.encryption.password and .salt (hex, at least 8 bytes) must be set: "
                    + "personnel files and résumés are encrypted with them (RS_HIRING_ENCRYPTION_PASSWORD, RS_HIRING_ENCRYPTION_SALT)");
        }
        return Encryptors.stronger(key.password(), key.salt());
    }

    @Bean
    PersonnelFile personnelFile(JdbcClient jdbc, BytesEncryptor personalDataEncryptor) {
        return new PersonnelFile(jdbc, personalDataEncryptor);
    }

    @Bean
    PersonnelRetention personnelRetention(JdbcClient jdbc, PersonnelFile file, HiringProperties properties) {
        return new PersonnelRetention(jdbc, file, properties);
    }

    @Bean
    WageRates wageRates(HiringProperties properties) {
        return new WageRates(properties);
    }

    @Bean
    PostingRules postingRules(WageRates rates, Postings postings, HiringProperties properties) {
        return new PostingRules(rates, postings, properties);
    }
}
