package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.ip.ClientAddressResolver;
import io.github.calendlywebhook.core.ip.ClientKeys;
import io.github.calendlywebhook.core.ip.IpAllowlist;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.store.RevenueSettingsStore;
import io.github.calendlywebhook.core.delivery.DeliveryObserver;
import io.github.calendlywebhook.core.pipeline.Mechanisms;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.ratelimit.RateLimiter;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.store.EventStore;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configures the Calendly webhook processor from {@code calendly.webhook.*}. Every component is
 * a bean an application can replace; the {@code CalendlyEventListener} beans and the {@code @EventListener}
 * methods taking Calendly events are called at least once by the listener dispatcher, accepted events are
 * also published as Spring application events (for the other application listeners, at most once), and
 * the dashboard numbers are offered as a {@link DashboardMetrics} bean when the store maintains them.
 *
 * <p>Runs on Spring Boot 4.0 and 3.5: the auto-configurations it follows are named by their class names on
 * both lines (a name absent from the classpath orders nothing), and it refuses to start on any other line
 * ({@link SpringBootLines}).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "calendly.webhook.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CalendlyWebhookProperties.class)
@Import({ CalendlyWebhookStoreConfigurations.Jdbc.class, CalendlyWebhookStoreConfigurations.InMemory.class,
        CalendlyWebhookListenerConfiguration.class })
public final class CalendlyWebhookAutoConfiguration {

    /** Creates the configuration, failing on a Spring Boot line the starter does not support. */
    CalendlyWebhookAutoConfiguration() {
        SpringBootLines.requireSupported();
    }

    @Bean
    @ConditionalOnMissingBean
    WebhookSettings calendlyWebhookSettings(CalendlyWebhookProperties properties) {
        return ConfigurationErrors.requireSecret(ConfigurationErrors.explain(properties::toSettings));
    }

    @Bean
    @ConditionalOnMissingBean
    SignatureVerifier calendlyWebhookSignatureVerifier(WebhookSettings settings, ObjectProvider<Clock> clock) {
        return ConfigurationErrors.explain(
                () -> Mechanisms.verifier(ConfigurationErrors.requireSecret(settings), clock(clock)));
    }

    @Bean
    @ConditionalOnMissingBean
    IpAllowlist calendlyWebhookAllowlist(WebhookSettings settings) {
        return ConfigurationErrors.explain("calendly.webhook.allowed-ips (ALLOWED_IPS)",
                () -> IpAllowlist.parse(settings.allowedIps()));
    }

    @Bean
    @ConditionalOnMissingBean
    ClientAddressResolver calendlyWebhookClientAddressResolver(WebhookSettings settings) {
        return ConfigurationErrors.explain("calendly.webhook.trusted-proxies",
                () -> ClientAddressResolver.trusting(settings.trustedProxies()));
    }

    /**
     * The one notion of a client that the webhook rate limit and audit aggregation use; an application's
     * own limiters (a login or API throttle) take this bean so every limit keys a client the same way.
     */
    @Bean
    @ConditionalOnMissingBean
    ClientKeys calendlyWebhookClientKeys(WebhookSettings settings) {
        return settings.clientKeys();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "calendly.webhook.rate-limit.enabled", matchIfMissing = true)
    RateLimiter calendlyWebhookRateLimiter(WebhookSettings settings, ObjectProvider<Clock> clock) {
        return Mechanisms.rateLimiter(settings, clock(clock));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ProjectingEventStore.class)
    DashboardMetrics calendlyWebhookDashboardMetrics(ProjectingEventStore counters, RevenueSettingsStore revenue,
            ObjectProvider<Clock> clock) {
        return DashboardMetrics.create(counters, revenue, clock(clock));
    }

    @Bean
    @ConditionalOnMissingBean
    ApplicationEventPublishingListener calendlyWebhookEventPublisher(ApplicationEventPublisher publisher) {
        return new ApplicationEventPublishingListener(publisher);
    }

    @Bean(destroyMethod = "flushAudit")
    @ConditionalOnMissingBean
    WebhookProcessor calendlyWebhookProcessor(WebhookSettings settings, ObjectProvider<Clock> clock, EventStore store,
            AuditLog auditLog, SignatureVerifier verifier, IpAllowlist allowlist, ClientAddressResolver addressResolver,
            ClientKeys clientKeys, ObjectProvider<RateLimiter> rateLimiter, ObjectProvider<DeliveryObserver> observers,
            ObjectProvider<WebhookProcessorCustomizer> customizers, ListenerDispatcher dispatcher) {
        WebhookProcessor.Builder builder = WebhookProcessor.builder(ConfigurationErrors.requireSecret(settings))
                .clock(clock(clock))
                .store(store)
                .auditLog(auditLog)
                .verifier(verifier)
                .allowlist(allowlist)
                .addressResolver(addressResolver)
                .clientKeys(clientKeys)
                .dispatcher(dispatcher);
        if (settings.rateLimitEnabled()) {
            rateLimiter.ifUnique(builder::rateLimiter);
        }
        observers.orderedStream().forEach(builder::observer);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return ConfigurationErrors.explain(builder::build);
    }

    /**
     * Returns the application's clock when it declares exactly one, otherwise the system clock in UTC. The
     * starter registers no clock of its own, so an application's {@code Clock} injection points are its own.
     */
    static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfUnique(Clock::systemUTC);
    }
}
