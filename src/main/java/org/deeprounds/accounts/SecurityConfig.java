package org.deeprounds.accounts;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.deeprounds.accounts.ui.LoginView;
import org.deeprounds.base.security.AppRoles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route needs a signed-in user except the login page, static assets and {@code /actuator/health}. Two filter
 * chains: the JSON API (personal API token, HTTP Basic or the browser session; 401/403/429 as JSON) and the Vaadin UI
 * (form login). Both refuse sign-in attempts from an address with too many failures ({@link AddressThrottle}) and
 * hold a user who must replace an issued password to that ({@link PasswordChange}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    /**
     * Vaadin needs inline and evaluated scripts and inline styles; everything else is locked to this origin, and
     * pages may be framed only by DeepRounds itself (the DL4J training UI is embedded that way).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; "
            + "frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Username and password sign-in (form and HTTP Basic). The password is checked before the account's state, so a
     * locked or disabled account costs the same password hash as any other attempt and cannot be told apart by its
     * answer time; unknown names are hashed against a dummy password by Spring for the same reason.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(UserDetailsService accounts, PasswordEncoder passwords) {
        var provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwords);
        provider.setPreAuthenticationChecks(user -> {});
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    /** Publishes sign-in successes and failures as events (counted by {@link AuthenticationEvents}). */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    /** Pages served outside Vaadin that show data (DL4J's training UI, course images). */
    private static final List<String> DATA_PAGES_OUTSIDE_VAADIN =
            List.of("/train/", "/setlang/", "/assets/", "/curricula-files/");

    /** The request's path within the application, whichever servlet serves it. */
    static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    static boolean isDataPageOutsideVaadin(HttpServletRequest request) {
        var path = pathOf(request);
        return path.equals("/train") || DATA_PAGES_OUTSIDE_VAADIN.stream().anyMatch(path::startsWith);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(
            HttpSecurity http, JsonMapper json, ApiTokenService tokens, AddressThrottle throttle) throws Exception {
        var errors = new JsonSecurityErrors(json);
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(AppRoles.ADMIN)
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(errors).realmName("DeepRounds"))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                // An API call that fails to authenticate must not start a session.
                .requestCache(cache -> cache.disable())
                // Only calls that ride on the browser's session cookie can be forged, so every state-changing call
                // needs the CSRF token except those with HTTP Basic credentials or an API token, which are
                // authenticated by these alone (the session is not even read for them). Any other Authorization header
                // changes nothing.
                .securityContext(context -> context.securityContextRepository(new HeaderCredentialsContextRepository()))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(HeaderCredentialsContextRepository::needsCsrfToken))
                .addFilterBefore(new ApiTokenFilter(tokens, throttle, errors), BasicAuthenticationFilter.class)
                .addFilterBefore(
                        new AddressThrottleFilter(
                                throttle, AddressThrottleFilter::isApiAttempt, errors::tooManyAttempts),
                        ApiTokenFilter.class)
                .addFilterBefore(
                        new PasswordChangeFilter(
                                request -> !PasswordChangeFilter.isPasswordChangeCall(request),
                                (request, response) -> errors.forbidden(request, response, PasswordChange.API_REFUSAL)),
                        AuthorizationFilter.class)
                .headers(SecurityConfig::securityHeaders);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(HttpSecurity http, RequestUtil vaadinRequests, AddressThrottle throttle)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/error")
                        .permitAll()
                        // DL4J's training UI, forwarded after a per-run check, and the chart library's files.
                        .requestMatchers(
                                "/train",
                                "/train/**",
                                "/setlang/**",
                                "/assets/**",
                                "/webjars/**",
                                "/charts/**",
                                "/lessons/**",
                                "/curricula-files/**")
                        .authenticated())
                .headers(SecurityConfig::securityHeaders)
                // Vaadin's own requests carry Vaadin's CSRF protection. Vaadin would also exempt POST /login, but its
                // login form sends the token from the page's meta tags, so sign-in keeps the check (login CSRF).
                .csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest))
                .addFilterBefore(
                        new AddressThrottleFilter(
                                throttle, AddressThrottleFilter::isFormAttempt, AddressThrottleFilter::backToLoginPage),
                        UsernamePasswordAuthenticationFilter.class)
                // Vaadin's views are held by the UI's navigation guard; these pages are not Vaadin's.
                .addFilterBefore(
                        new PasswordChangeFilter(
                                SecurityConfig::isDataPageOutsideVaadin, PasswordChangeFilter::toChangePasswordPage),
                        AuthorizationFilter.class)
                .with(vaadin(), vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false));
        return http.build();
    }

    private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
        // Written before the servlet runs: Vaadin's page bootstrap otherwise commits responses without them.
        headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        });
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::sameOrigin)
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }
}
