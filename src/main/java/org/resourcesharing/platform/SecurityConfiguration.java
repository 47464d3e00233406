package org.resourcesharing.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * One user store for everything: Camunda's identity service.
 *
 * <ul>
 * <li>{@code /engine-rest/*} is secured the way Camunda Run secures it, by Camunda's own HTTP Basic
 * filter, so the engine's authorizations apply to every REST call (Modeler deployments included).</li>
 * <li>The Camunda webapps under {@code /camunda} keep their own login and CSRF protection.</li>
 * <li>Spring Security guards the application's own endpoints; a Camunda group becomes the role
 * {@code ROLE_<group id>}.</li>
 * <li>Download links of digital copies, {@code /copies/*}, are left public on purpose: the person
 * using a copy has no account here, and the link's unguessable token is the credential.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String ADMIN_ROLE = "camunda-admin";

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    SecurityFilterChain applicationEndpoints(HttpSecurity http, IdentityProperties identity) throws Exception {
        String managers = identity.managersGroup();
        List<String> readers = new ArrayList<>(identity.resourceSharingGroups());
        readers.addAll(List.of(managers, ADMIN_ROLE));
        String[] resourceSharingStaff = readers.toArray(String[]::new);
        return http
                .securityMatcher("/actuator/**", "/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN_ROLE)
                        .requestMatchers(HttpMethod.GET, "/api/partners/**", "/api/iso18626/**", "/api/catalogue/**", "/api/lending/**",
                                "/api/copies/**")
                        .hasAnyRole(resourceSharingStaff)
                        .requestMatchers("/api/partners/**", "/api/catalogue/imports").hasAnyRole(managers, ADMIN_ROLE)
                        .requestMatchers(HttpMethod.POST, "/api/lending/**").hasAnyRole(resourceSharingStaff)
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // stateless HTTP Basic, no browser session to forge requests with
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationProvider camundaIdentityAuthentication(IdentityService identityService) {
        return new CamundaIdentityAuthenticationProvider(identityService);
    }

    /** Checks a user's password against Camunda's identity service and turns their groups into roles. */
    static final class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

        private final IdentityService identityService;

        CamundaIdentityAuthenticationProvider(IdentityService identityService) {
            this.identityService = identityService;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String userId = authentication.getName();
            Object password = authentication.getCredentials();
            if (password == null || !identityService.checkPassword(userId, password.toString())) {
                throw new BadCredentialsException("Wrong user name or password");
            }
            List<SimpleGrantedAuthority> roles = identityService.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId)
                    .map(groupId -> new SimpleGrantedAuthority("ROLE_" + groupId))
                    .toList();
            return UsernamePasswordAuthenticationToken.authenticated(userId, null, roles);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
