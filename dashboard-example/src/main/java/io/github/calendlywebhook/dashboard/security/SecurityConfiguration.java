package io.github.calendlywebhook.dashboard.security;

import io.github.calendlywebhook.core.ratelimit.Bandwidth;
import io.github.calendlywebhook.core.ratelimit.RateLimiter;
import io.github.calendlywebhook.dashboard.admin.AdminAudit;
import io.github.calendlywebhook.dashboard.config.DashboardProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
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

    @Bean
    AdminAuthenticationProvider adminAuthenticationProvider(DashboardProperties properties) {
        return new AdminAuthenticationProvider(Objects.requireNonNull(properties.adminPassword(),
                "dashboard.admin-password is generated at startup when absent"));
    }

    @Bean
    SecurityFilterChain dashboardSecurity(HttpSecurity http, DashboardProperties properties, AdminAudit audit,
            AdminAuthenticationProvider provider, Clock clock,
            @Value("${calendly.webhook.path:/api/webhooks/calendly}") String webhookPath) throws Exception {
        RateLimiter loginLimiter = RateLimiter.builder()
                .limit(Bandwidth.perMinute(properties.loginAttemptsPerMinute()))
                .maximumKeys(10_000)
                .clock(clock)
                .build();
        String[] pagePaths = {"/", "/index.html", "/api/metrics", "/api/stream"};
        http.authenticationProvider(provider)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/css/**", "/js/**", "/favicon.svg", LOGIN_PATH, "/error").permitAll();
                    auth.requestMatchers(webhookPath, "/api/leads").permitAll();
                    if (properties.publicPage()) {
                        auth.requestMatchers(pagePaths).permitAll();
                    }
                    auth.requestMatchers("/admin/**").hasRole("ADMIN");
                    auth.anyRequest().authenticated();
                })
                .csrf(csrf -> csrf.ignoringRequestMatchers(webhookPath, "/api/leads"))
                .addFilterBefore(new LoginThrottleFilter(loginLimiter, LOGIN_PATH, audit),
                        UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage(LOGIN_PATH)
                        .successHandler(successHandler(audit))
                        .failureHandler((request, response, exception) -> {
                            audit.record(AdminAudit.LOGIN_FAILURE, request.getRemoteAddr(), null);
                            response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?error");
                        }))
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
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
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
