package org.resourcesharing.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start a production instance whose administrator would get a default password.
 *
 * <p>Runs before any bean exists, so nothing (no admin user, no schema) is written to the database
 * of a start that is refused. Outside the demo profile, and always under {@code prod}, the password
 * must come from {@code RS_ADMIN_PASSWORD}.
 */
class AdminPasswordCheck implements EnvironmentPostProcessor, Ordered {

    static final String PASSWORD_VARIABLE = "RS_ADMIN_PASSWORD";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (lacksRequiredPassword(environment)) {
            throw new IllegalStateException("No administrator password: set the environment variable "
                    + PASSWORD_VARIABLE + " to the password of the Camunda administrator '"
                    + environment.getProperty("camunda.bpm.admin-user.id", "admin")
                    + "' (only the demo profile may start without one).");
        }
    }

    static boolean lacksRequiredPassword(Environment environment) {
        boolean production = environment.acceptsProfiles(Profiles.of("prod | !demo"));
        return production && environment.getProperty(PASSWORD_VARIABLE, "").isBlank();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the profiles and config files are known
    }
}
