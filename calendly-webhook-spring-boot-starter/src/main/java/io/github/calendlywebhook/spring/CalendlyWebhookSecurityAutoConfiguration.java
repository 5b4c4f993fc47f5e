package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Lets Calendly reach the webhook path through Spring Security: a filter chain matching only that path
 * permits it without a login and without a CSRF token, since every delivery is authenticated by its
 * signature. Every other path keeps the application's (or Spring Boot's default) security. Ordered
 * after Spring Boot's web security so that its default chain still protects the rest of the
 * application. Turned off by {@code calendly.webhook.security.filter-chain=false} or by a bean named
 * {@value #FILTER_CHAIN_NAME}.
 */
@AutoConfiguration(after = CalendlyWebhookAutoConfiguration.class,
        afterName = { "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class, PathPatternRequestMatcher.class })
@ConditionalOnBean({ WebhookProcessor.class, HttpSecurity.class })
@ConditionalOnBooleanProperty(name = "calendly.webhook.security.filter-chain", matchIfMissing = true)
public final class CalendlyWebhookSecurityAutoConfiguration {

    /** The name of the filter chain bean; define a bean with this name to secure the path yourself. */
    public static final String FILTER_CHAIN_NAME = "calendlyWebhookSecurityFilterChain";

    @Bean(FILTER_CHAIN_NAME)
    @Order(Ordered.HIGHEST_PRECEDENCE + 100)
    @ConditionalOnMissingBean(name = FILTER_CHAIN_NAME)
    SecurityFilterChain calendlyWebhookSecurityFilterChain(HttpSecurity http, WebhookProcessor processor)
            throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(processor.settings().path()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
