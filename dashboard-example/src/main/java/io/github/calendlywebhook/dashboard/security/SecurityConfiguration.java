package io.github.calendlywebhook.dashboard.security;

import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.ip.ClientKeys;
import io.github.calendlywebhook.dashboard.admin.AdminAudit;
import io.github.calendlywebhook.dashboard.admin.RefusalAudit;
import io.github.calendlywebhook.dashboard.config.DashboardProperties;
import io.github.calendlywebhook.spring.CalendlyWebhookSecurityAutoConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Access rules: the webhook endpoint is open (its signature protects it), the lead endpoint checks its
 * own token, the admin panel needs the admin login, and the dashboard page with its read API is public
 * only when {@code DASHBOARD_PUBLIC=true}. Every response carries a strict Content-Security-Policy: the
 * pages load scripts and styles only from the application itself.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The Content-Security-Policy of every page: no inline script, no third-party origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String LOGIN_PATH = "/admin/login";

    /**
     * The only authentication provider. It is registered once, globally, and never again on the filter
     * chain: Spring Security would otherwise ask it twice per failed attempt and count every failure twice.
     */
    @Bean
    AdminAuthenticationProvider adminAuthenticationProvider(DashboardProperties properties, Clock clock,
            ObjectProvider<ClientKeys> clientKeys) {
        return new AdminAuthenticationProvider(Objects.requireNonNull(properties.adminPassword(),
                "dashboard.admin-password is generated at startup when absent"),
                new LoginThrottle(properties.loginFreeFailures(), clock), clientKeys.getIfAvailable(ClientKeys::ofDefaults));
    }

    /** Runs before every other filter, Spring Security's included, so nothing parses a refused body. */
    @Bean
    FilterRegistrationBean<RequestShapeFilter> requestShapeFilter(RefusalAudit audit, WebhookSettings webhook) {
        FilterRegistrationBean<RequestShapeFilter> registration =
                new FilterRegistrationBean<>(new RequestShapeFilter(audit, webhook.path()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    SecurityFilterChain dashboardSecurity(HttpSecurity http, DashboardProperties properties, AdminAudit audit,
            RefusalAudit refusals) throws Exception {
        String[] pagePaths = {"/", "/index.html", "/api/metrics", "/api/stream"};
        http.authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/css/**", "/js/**", "/favicon.svg", LOGIN_PATH, "/error").permitAll();
                    auth.requestMatchers("/api/leads").permitAll();
                    if (properties.publicPage()) {
                        auth.requestMatchers(pagePaths).permitAll();
                    }
                    auth.requestMatchers("/admin/**").hasRole("ADMIN");
                    auth.anyRequest().authenticated();
                })
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/leads"))
                .formLogin(form -> form.loginPage(LOGIN_PATH)
                        .successHandler(successHandler(audit))
                        .failureHandler(new LoginFailureHandler(audit, refusals, LOGIN_PATH)))
                .logout(logout -> logout.logoutUrl("/admin/logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null) {
                                audit.record(AdminAudit.LOGOUT, request.getRemoteAddr(), null);
                            }
                        })
                        .logoutSuccessUrl(LOGIN_PATH + "?logout")
                        .deleteCookies("DASHBOARD_SESSION"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        (request, response, exception) -> {
                            response.setStatus(HttpStatus.UNAUTHORIZED.value());
                            response.setContentType("application/json");
                            response.getOutputStream().write(
                                    "{\"error\":\"unauthorized\",\"message\":\"Log in to the admin panel first.\"}"
                                            .getBytes(StandardCharsets.UTF_8));
                        },
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PATH),
                                AnyRequestMatcher.INSTANCE))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /**
     * The webhook endpoint's own chain, matched before the dashboard's: its signature is its
     * authentication, so it needs no session, security context, saved request, CSRF token or login, and
     * each delivery skips those filters. It sends the same security headers as every other response. It
     * takes the name of the starter's chain for the path, which the starter then does not build: a second
     * chain for the same path would never match a request and would only lengthen the start.
     */
    @Bean(CalendlyWebhookSecurityAutoConfiguration.FILTER_CHAIN_NAME)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain webhookSecurity(HttpSecurity http, WebhookSettings webhook) throws Exception {
        http.securityMatcher(webhook.path())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }

    private static SavedRequestAwareAuthenticationSuccessHandler successHandler(AdminAudit audit) {
        SavedRequestAwareAuthenticationSuccessHandler delegate = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response,
                    org.springframework.security.core.Authentication authentication)
                    throws java.io.IOException, jakarta.servlet.ServletException {
                audit.record(AdminAudit.LOGIN_SUCCESS, request.getRemoteAddr(), null);
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        delegate.setDefaultTargetUrl("/admin");
        return delegate;
    }
}
