package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

class CalendlyWebhookUserSecurityTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CalendlyWebhookAutoConfiguration.class,
                    CalendlyWebhookSecurityAutoConfiguration.class, BootLine.WEB_SECURITY))
            .withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET);

    @Test
    void webhookChainWhenApplicationHasItsOwnChainShouldBeOrderedBeforeIt() {
        runner.withUserConfiguration(ApplicationSecurity.class).run(context -> {
            assertThat(context.getBeanProvider(SecurityFilterChain.class).orderedStream())
                    .containsExactly(context.getBean(CalendlyWebhookSecurityAutoConfiguration.FILTER_CHAIN_NAME,
                            SecurityFilterChain.class), context.getBean("applicationChain", SecurityFilterChain.class));
        });
    }

    @Test
    void webhookChainWhenApplicationDefinesOneByNameShouldBackOff() {
        runner.withUserConfiguration(OwnWebhookChain.class).run(context -> assertThat(context)
                .getBean(CalendlyWebhookSecurityAutoConfiguration.FILTER_CHAIN_NAME)
                .isSameAs(context.getBean(OwnWebhookChain.class).chain));
    }

    @Configuration(proxyBeanMethods = false)
    static class ApplicationSecurity {

        @Bean
        SecurityFilterChain applicationChain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .httpBasic(Customizer.withDefaults()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnWebhookChain {

        SecurityFilterChain chain;

        @Bean(CalendlyWebhookSecurityAutoConfiguration.FILTER_CHAIN_NAME)
        SecurityFilterChain ownWebhookChain(HttpSecurity http) throws Exception {
            chain = http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/webhooks/calendly"))
                    .authorizeHttpRequests(requests -> requests.anyRequest().denyAll()).build();
            return chain;
        }
    }
}
