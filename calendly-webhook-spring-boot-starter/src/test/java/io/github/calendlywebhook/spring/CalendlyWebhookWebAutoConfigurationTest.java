package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.DispatcherServlet;

class CalendlyWebhookWebAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CalendlyWebhookAutoConfiguration.class,
                    CalendlyWebhookServletAutoConfiguration.class, CalendlyWebhookSecurityAutoConfiguration.class,
                    BootLine.WEB_SECURITY))
            .withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET);

    @Test
    void servletWhenWebApplicationShouldBeMappedToConfiguredPath() {
        runner.withPropertyValues("calendly.webhook.path=/hooks/calendly").run(context -> {
            ServletRegistrationBean<?> registration = context.getBean(
                    CalendlyWebhookServletAutoConfiguration.SERVLET_NAME, ServletRegistrationBean.class);
            assertThat(registration.getUrlMappings()).containsExactly("/hooks/calendly");
        });
    }

    @Test
    void servletWhenSpringMvcAbsentShouldStillBeRegistered() {
        runner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
                .run(context -> assertThat(context).hasBean(CalendlyWebhookServletAutoConfiguration.SERVLET_NAME));
    }

    @Test
    void servletWhenNotWebApplicationShouldNotBeRegistered() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CalendlyWebhookAutoConfiguration.class,
                        CalendlyWebhookServletAutoConfiguration.class))
                .withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET)
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(CalendlyWebhookServletAutoConfiguration.SERVLET_NAME));
    }

    @Test
    void servletWhenDisabledShouldNotBeRegistered() {
        runner.withPropertyValues("calendly.webhook.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CalendlyWebhookServletAutoConfiguration.SERVLET_NAME));
    }

    @Test
    void securityChainWhenSpringSecurityPresentShouldKeepBootDefaultChainForOtherPaths() {
        runner.run(context -> assertThat(context.getBeansOfType(SecurityFilterChain.class))
                .containsKey(CalendlyWebhookSecurityAutoConfiguration.FILTER_CHAIN_NAME)
                .hasSize(2));
    }

    @Test
    void securityChainWhenPropertyTurnsItOffShouldBackOff() {
        runner.withPropertyValues("calendly.webhook.security.filter-chain=false").run(context -> assertThat(context)
                .doesNotHaveBean(CalendlyWebhookSecurityAutoConfiguration.FILTER_CHAIN_NAME)
                .hasSingleBean(SecurityFilterChain.class));
    }

    @Test
    void securityChainWhenSpringSecurityAbsentShouldBackOff() {
        runner.withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(CalendlyWebhookSecurityAutoConfiguration.FILTER_CHAIN_NAME));
    }
}
