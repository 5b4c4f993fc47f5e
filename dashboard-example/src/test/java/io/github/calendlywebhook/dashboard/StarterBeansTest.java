package io.github.calendlywebhook.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.keys.JdbcSigningKeyStore;
import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.core.store.RevenueSettingsStore;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.signature.SigningKeys;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.spring.CalendlyWebhookSecurityAutoConfiguration;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/** The dashboard uses the starter's beans and declares none of them a second time. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:starter-beans;DB_CLOSE_DELAY=-1",
        "dashboard.admin-password=starter-beans-password",
        "calendly.webhook.secret=starter-beans-secret" })
class StarterBeansTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theContextHoldsASingleBeanOfEachTypeTheStarterProvides() {
        List<Class<?>> types = List.of(WebhookSettings.class, WebhookProcessor.class, SignatureVerifier.class,
                EventStore.class, ProjectingEventStore.class, ProjectingEventStore.class, AuditLog.class, AuditRepository.class,
                DashboardMetrics.class, RevenueSettingsStore.class, SigningKeys.class, JdbcSigningKeyStore.class,
                Clock.class);

        assertThat(types).allSatisfy(type -> assertThat(context.getBeanNamesForType(type)).as(type.getSimpleName())
                .hasSize(1));
    }

    @Test
    void theAuditLogAndTheMetricsAreTheStartersBeans() {
        assertThat(context.getBeanNamesForType(AuditRepository.class)).containsExactly("calendlyWebhookAuditLog");
        assertThat(context.getBeanNamesForType(DashboardMetrics.class))
                .containsExactly("calendlyWebhookDashboardMetrics");
    }

    @Test
    void theWebhookPathHasOneSecurityChainTheDashboardsWithoutSessionOrLogin() {
        assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys(
                CalendlyWebhookSecurityAutoConfiguration.FILTER_CHAIN_NAME, "dashboardSecurity", "actuatorSecurity");
        SecurityFilterChain webhook = context.getBean(CalendlyWebhookSecurityAutoConfiguration.FILTER_CHAIN_NAME,
                SecurityFilterChain.class);

        assertThat(webhook.getFilters()).noneMatch(filter -> filter instanceof AuthorizationFilter
                || filter instanceof AnonymousAuthenticationFilter || filter instanceof SecurityContextHolderFilter);
    }
}
