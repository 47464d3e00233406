package org.resourcesharing.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resourcesharing.ResourceSharingApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class AdminPasswordCheckTest {

    @Test
    void theProdProfileWithoutAnAdminPasswordRefusesToStartAndSaysWhatToSet() {
        SpringApplicationBuilder production = new SpringApplicationBuilder(ResourceSharingApplication.class).profiles("prod");

        assertThatThrownBy(() -> production.run("--RS_ADMIN_PASSWORD="))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set the environment variable RS_ADMIN_PASSWORD")
                .hasMessageContaining("administrator 'admin'");
    }

    @ParameterizedTest(name = "profiles [{0}], password ''{1}'' -> refused: {2}")
    @CsvSource(delimiter = '|', value = {
            "prod           | ''             | true",
            "prod,postgres  | ''             | true",
            "prod,postgres  | s3cret-Library | false",
            "postgres       | ''             | true",
            "demo,prod      | ''             | true",
            "demo           | ''             | false",
            "demo,postgres  | ''             | false",
            "''             | ''             | false"})
    void onlyTheDemoProfileMayStartWithoutAnAdminPassword(String activeProfiles, String password, boolean refused) {
        MockEnvironment environment = new MockEnvironment().withProperty("RS_ADMIN_PASSWORD", password);
        environment.setDefaultProfiles("demo");
        if (!activeProfiles.isEmpty()) {
            environment.setActiveProfiles(activeProfiles.split(","));
        }

        assertThat(AdminPasswordCheck.lacksRequiredPassword(environment)).isEqualTo(refused);
    }
}
