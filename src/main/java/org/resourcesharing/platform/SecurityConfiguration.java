package org.resourcesharing.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
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
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * One user store for everything: Camunda's identity service.
 *
 * <ul>
 * <li>{@code /engine-rest/*} is secured the way Camunda Run secures it, by Camunda's own HTTP Basic
 * filter, so the engine's authorizations apply to every REST call (Modeler deployments included).</li>
 * <li>The Camunda webapps under {@code /camunda} keep their own login and CSRF protection.</li>
 * <li>Spring Security guards the application's own endpoints; a Camunda group becomes the role
 * {@code ROLE_<group id>}.</li>
 * <li>Download links of digital copies, {@code /copies/*} (interlibrary loan) and {@code /course-copies/*}
 * (course materials), are left public on purpose: the person using a copy has no account here, and the link's unguessable token is the credential.</li>
 * <li>Patron pages, the OpenURL request form and the status pages {@code /requests/*}, are public
 * too: patrons have no account here. So are the student job pages {@code /jobs/*} (postings, the
 * application form, the offer answer page) and the instructors' copyright request page
 * {@code /copyright-request}. Their forms carry a CSRF token.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String ADMIN_ROLE = "camunda-admin";
    /** Borrowing staff, and the group of system users (a discovery layer, the library's portal) that pass on patrons' requests. */
    static final String BORROWING_STAFF_ROLE = "ill-borrowing";
    static final String BORROWING_API_ROLE = "borrowing-api";
    /** The copyright team, and the group of system users (a course management system) that pass on instructors' requests. */
    static final String COPYRIGHT_STAFF_ROLE = "copyright";
    static final String COPYRIGHT_API_ROLE = "copyright-api";
    /** Hiring staff: the only ones who see students' personnel files (FIPPA Reg. 460 s.4). */
    static final String HIRING_ROLE = "hiring";

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
        String[] resourceSharingStaff = resourceSharingStaff(identity);
        return http
                .securityMatcher("/actuator/**", "/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN_ROLE)
                        .requestMatchers(HttpMethod.GET, "/api/partners/**", "/api/iso18626/**", "/api/catalogue/**", "/api/lending/**",
                                "/api/ledger/**", "/api/fees/**", "/api/copies/**")
                        .hasAnyRole(resourceSharingStaff)
                        .requestMatchers(HttpMethod.GET, "/api/reports", "/api/reports/**").hasAnyRole(allStaff(identity))
                        .requestMatchers(HttpMethod.POST, "/api/ledger/postings/*/reversal", "/api/fees/rates").hasAnyRole(managers, ADMIN_ROLE)
                        .requestMatchers("/api/partners/**", "/api/catalogue/imports").hasAnyRole(managers, ADMIN_ROLE)
                        .requestMatchers(HttpMethod.POST, "/api/lending/**").hasAnyRole(resourceSharingStaff)
                        .requestMatchers(HttpMethod.POST, "/api/fees/waivers").hasAnyRole(resourceSharingStaff)
                        .requestMatchers(HttpMethod.POST, "/api/borrowing-requests")
                        .hasAnyRole(BORROWING_STAFF_ROLE, BORROWING_API_ROLE, managers, ADMIN_ROLE)
                        .requestMatchers(HttpMethod.POST, "/api/borrowing-requests/*/pickup", "/api/borrowing-requests/*/return",
                                "/api/borrowing-requests/*/renewal", "/api/borrowing-requests/*/cancellation",
                                "/api/borrowing-requests/*/damage-or-loss")
                        .hasAnyRole(BORROWING_STAFF_ROLE, managers, ADMIN_ROLE)
                        .requestMatchers(HttpMethod.POST, "/api/copyright-requests")
                        .hasAnyRole(COPYRIGHT_STAFF_ROLE, COPYRIGHT_API_ROLE, managers, ADMIN_ROLE)
                        .requestMatchers(HttpMethod.GET, "/api/copyright-decisions", "/api/copyright-decisions.csv")
                        .hasAnyRole(COPYRIGHT_STAFF_ROLE, managers, ADMIN_ROLE)
                        .requestMatchers("/api/hiring/**").hasRole(HIRING_ROLE)
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // stateless HTTP Basic, no browser session to forge requests with
                .build();
    }

    /**
     * Staff pages in the browser, such as the forms Tasklist opens for <em>Scan and deliver</em> (interlibrary
     * loan staff) and <em>Digitize and post</em> (the copyright team): HTTP
     * Basic against the same users, and CSRF protection, because a browser sends remembered Basic
     * credentials with any request, a forged one too.
     */
    @Bean
    SecurityFilterChain staffPages(HttpSecurity http, IdentityProperties identity, MultipartProperties multipart) throws Exception {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        // not XSRF-TOKEN at "/": that is the Camunda webapps' cookie, which Tasklist echoes in its own header
        tokens.setCookieName("RS-PAGES-XSRF");
        tokens.setCookiePath("/"); // the staff pages live under /lending and /copyright
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        XorCsrfTokenRequestAttributeHandler tokenInForms = new XorCsrfTokenRequestAttributeHandler();
        tokenInForms.setCsrfRequestAttributeName(null); // loaded on every request, so that every form rendered carries it
        return http
                .securityMatcher("/lending/**", "/copyright/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/copyright/**").hasAnyRole(COPYRIGHT_STAFF_ROLE, identity.managersGroup(), ADMIN_ROLE)
                        .anyRequest().hasAnyRole(resourceSharingStaff(identity)))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.csrfTokenRepository(tokens).csrfTokenRequestHandler(tokenInForms)
                        // Basic signs in on every request: a new token each time would break a form left open in another tab
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new TooLargeUploads(multipart.getMaxFileSize())))
                .build();
    }

    /**
     * The reports dashboard, {@code /reports}: for every staff group, managers and administrators, HTTP Basic against
     * the same users. Each measure decides by the viewer's groups whether to show itself. Read-only pages: no forms to
     * forge, only GET is allowed.
     */
    @Bean
    SecurityFilterChain reportPages(HttpSecurity http, IdentityProperties identity) throws Exception {
        return http
                .securityMatcher("/reports", "/reports/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET).hasAnyRole(allStaff(identity)).anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * Pages for patrons, students and instructors, who have no account here: the OpenURL request form,
     * the status pages, the student job pages and the instructors' copyright request page.
     * Open to everyone, but a form is only accepted with the CSRF token its page carried, so that no
     * other site can make a visitor's browser submit requests. The token is kept in a cookie, not a
     * session: a discovery system sends many visitors who never submit, and none should cost a
     * server session. The cookie is not the staff pages' RS-PAGES-XSRF; it has path / because these pages live under two paths.
     */
    @Bean
    SecurityFilterChain patronPages(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("RS-PATRON-XSRF");
        tokens.setCookiePath("/");
        // Strict is enough: the cookie is set on the page (arriving from a discovery system or an email) and sent back by its own form
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        XorCsrfTokenRequestAttributeHandler tokenInForms = new XorCsrfTokenRequestAttributeHandler();
        tokenInForms.setCsrfRequestAttributeName(null); // loaded on every request, so that every form rendered carries it
        return http
                .securityMatcher("/openurl", "/requests/**", "/copyright-request", "/jobs", "/jobs/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.csrfTokenRepository(tokens).csrfTokenRequestHandler(tokenInForms))
                .build();
    }

    /** The interlibrary loan groups, managers and administrators. */
    private static String[] resourceSharingStaff(IdentityProperties identity) {
        List<String> staff = new ArrayList<>(identity.resourceSharingGroups());
        staff.addAll(List.of(identity.managersGroup(), ADMIN_ROLE));
        return staff.toArray(String[]::new);
    }

    /** Every staff group, managers and administrators. */
    private static String[] allStaff(IdentityProperties identity) {
        List<String> staff = new ArrayList<>(identity.staffGroups().stream().map(IdentityProperties.StaffGroup::id).toList());
        staff.addAll(List.of(identity.managersGroup(), ADMIN_ROLE));
        return staff.toArray(String[]::new);
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

    /**
     * A form's CSRF token travels in its body, and a body over the upload limit is never read, so the
     * token seems missing: say what really happened instead of "forbidden". The request is refused
     * either way.
     */
    static final class TooLargeUploads implements AccessDeniedHandler {

        private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();
        private final StandardServletMultipartResolver multipart = new StandardServletMultipartResolver();
        private final DataSize limit;

        TooLargeUploads(DataSize limit) {
            this.limit = limit;
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
                throws IOException, ServletException {
            if (!(denied instanceof CsrfException) || !tooLarge(request)) {
                otherwise.handle(request, response, denied);
                return;
            }
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("""
                    <!DOCTYPE html>
                    <html lang="en"><head><meta charset="utf-8"><title>File too large</title></head>
                    <body style="font-family: sans-serif; margin: 1.5rem"><h1>File too large</h1>
                    <p>The file is larger than the %d MB allowed, so nothing was uploaded. Go back and choose a smaller file
                    (scanning in greyscale or at a lower resolution helps).</p></body></html>
                    """.formatted(limit.toMegabytes()));
        }

        private boolean tooLarge(HttpServletRequest request) {
            if (!multipart.isMultipart(request)) {
                return false;
            }
            try {
                multipart.resolveMultipart(request);
                return false;
            } catch (MaxUploadSizeExceededException tooLarge) {
                return true;
            } catch (MultipartException otherProblem) {
                return false;
            }
        }
    }
}
