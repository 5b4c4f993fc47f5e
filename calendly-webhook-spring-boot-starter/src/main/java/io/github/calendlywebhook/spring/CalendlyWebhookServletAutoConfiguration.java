package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.servlet.CalendlyWebhookServlet;
import jakarta.servlet.Servlet;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers the core webhook servlet at {@code calendly.webhook.path}. It is a servlet of its own, so
 * it reads the raw body bytes and works with or without Spring MVC.
 */
@AutoConfiguration(after = CalendlyWebhookAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ Servlet.class, ServletRegistrationBean.class })
@ConditionalOnBean(WebhookProcessor.class)
public final class CalendlyWebhookServletAutoConfiguration {

    /** The name of the servlet and of its registration bean. */
    public static final String SERVLET_NAME = "calendlyWebhookServlet";

    @Bean(SERVLET_NAME)
    @ConditionalOnMissingBean(name = SERVLET_NAME)
    ServletRegistrationBean<CalendlyWebhookServlet> calendlyWebhookServlet(WebhookProcessor processor) {
        ServletRegistrationBean<CalendlyWebhookServlet> registration =
                new ServletRegistrationBean<>(new CalendlyWebhookServlet(processor), processor.settings().path());
        registration.setName(SERVLET_NAME);
        registration.setLoadOnStartup(1);
        return registration;
    }
}
