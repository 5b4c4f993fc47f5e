package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.config.RateLimitPolicy;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.test.SignedPayloads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import io.github.calendlywebhook.core.ip.ClientKeys;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

class CalendlyWebhookAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CalendlyWebhookAutoConfiguration.class))
            .withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET);

    @Test
    void processorWhenSecretSetShouldBeRegistered() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(WebhookProcessor.class)
                .hasSingleBean(WebhookSettings.class).hasSingleBean(AuditLog.class));
    }

    @Test
    void clockShouldNotBeRegisteredInTheApplicationContext() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(WebhookProcessor.class)
                .doesNotHaveBean(Clock.class));
    }

    @Test
    void beansWhenDisabledShouldNotBeRegisteredEvenWithoutSecret() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CalendlyWebhookAutoConfiguration.class))
                .withPropertyValues("calendly.webhook.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(WebhookProcessor.class)
                        .doesNotHaveBean(WebhookSettings.class));
    }

    @Test
    void propertiesWhenSetShouldBindEveryKeyIntoSettings() {
        runner.withPropertyValues("calendly.webhook.path=/hooks/calendly",
                "calendly.webhook.previous-secrets[0].secret=old-secret-value",
                "calendly.webhook.previous-secrets[0].expires-at=2030-01-01T00:00:00Z",
                "calendly.webhook.tolerance=5m", "calendly.webhook.allowed-ips=203.0.113.0/24,2001:db8::/32",
                "calendly.webhook.trusted-proxies=10.0.0.0/8", "calendly.webhook.rate-limit.enabled=false",
                "calendly.webhook.rate-limit.requests-per-minute=60", "calendly.webhook.rate-limit.burst-per-second=5",
                "calendly.webhook.rate-limit.policy=failed-requests", "calendly.webhook.max-body-size=1MB",
                "calendly.webhook.debug=true", "calendly.webhook.client-key.ipv6-prefix-length=56",
                "calendly.webhook.audit.rejection-rows-per-window=20").run(context -> {
                    WebhookSettings settings = context.getBean(WebhookSettings.class);
                    assertThat(settings.path()).isEqualTo("/hooks/calendly");
                    assertThat(settings.secret()).isEqualTo(Deliveries.SECRET);
                    assertThat(settings.previousSecrets()).singleElement().satisfies(previous -> {
                        assertThat(previous.secret()).isEqualTo("old-secret-value");
                        assertThat(previous.expiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
                    });
                    assertThat(settings.tolerance()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(settings.allowedIps()).containsExactly("203.0.113.0/24", "2001:db8::/32");
                    assertThat(settings.trustedProxies()).containsExactly("10.0.0.0/8");
                    assertThat(settings.rateLimitEnabled()).isFalse();
                    assertThat(settings.requestsPerMinute()).isEqualTo(60);
                    assertThat(settings.burstPerSecond()).isEqualTo(5);
                    assertThat(settings.rateLimitPolicy()).isEqualTo(RateLimitPolicy.FAILED_REQUESTS);
                    assertThat(settings.maxBodySize()).isEqualTo(1024 * 1024);
                    assertThat(settings.debug()).isTrue();
                    assertThat(settings.clientKeys().ipv6PrefixLength()).isEqualTo(56);
                    assertThat(settings.auditRejectionRowsPerWindow()).isEqualTo(20);
                    assertThat(context.getBean(ClientKeys.class).ipv6PrefixLength()).isEqualTo(56);
                });
    }

    @Test
    void settingsWhenNothingSetShouldUseCoreDefaults() {
        runner.run(context -> {
            WebhookSettings settings = context.getBean(WebhookSettings.class);
            WebhookSettings defaults = WebhookSettings.builder().secret(Deliveries.SECRET).build();
            assertThat(settings).usingRecursiveComparison().isEqualTo(defaults);
        });
    }

    @Test
    void clockWhenApplicationDefinesOneShouldBeUsed() {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
        byte[] body = SignedPayloads.inviteeCreated();
        String signedThen = SignedPayloads.sign(Deliveries.SECRET, body, fixed.instant());
        WebhookRequest request = WebhookRequest.post(Map.of("Content-Type", List.of("application/json"),
                "Calendly-Webhook-Signature", List.of(signedThen)), Deliveries.CALENDLY_ADDRESS, body);

        runner.withBean(Clock.class, () -> fixed).run(context -> assertThat(
                context.getBean(WebhookProcessor.class).process(request).status()).isEqualTo(200));
    }

    @Test
    void auditLogWhenApplicationDefinesOneShouldReceiveEveryOutcome() {
        List<AuditEntry> entries = new CopyOnWriteArrayList<>();
        runner.withBean(AuditLog.class, () -> entries::add).run(context -> {
            context.getBean(WebhookProcessor.class).process(Deliveries.signed(SignedPayloads.inviteeCreated()));
            assertThat(entries).extracting(AuditEntry::outcome).containsExactly(Outcome.ACCEPTED);
        });
    }

    @Test
    void processorWhenApplicationDefinesOneShouldBackOff() {
        WebhookProcessor own = WebhookProcessor.builder(WebhookSettings.builder().secret("own-secret").build()).build();
        runner.withBean(WebhookProcessor.class, () -> own)
                .run(context -> assertThat(context).getBean(WebhookProcessor.class).isSameAs(own));
    }

    @Test
    void customizerWhenPresentShouldShapeTheProcessor() {
        List<Outcome> observed = new CopyOnWriteArrayList<>();
        runner.withBean(WebhookProcessorCustomizer.class,
                () -> builder -> builder.observer(result -> observed.add(result.outcome()))).run(context -> {
                    context.getBean(WebhookProcessor.class).process(Deliveries.signed(SignedPayloads.inviteeCreated()));
                    assertThat(observed).containsExactly(Outcome.ACCEPTED);
                });
    }

    @Test
    void acceptedEventShouldBePublishedAsTypedApplicationEvent() {
        runner.withUserConfiguration(InviteeListener.class).run(context -> {
            context.getBean(WebhookProcessor.class).process(Deliveries.signed(SignedPayloads.inviteeCreated()));
            assertThat(context.getBean(InviteeListener.class).received).singleElement()
                    .satisfies(event -> assertThat(event.invitee().email()).isEqualTo("ada@example.com"));
        });
    }

    @Test
    void duplicateDeliveryShouldNotBePublishedTwice() {
        byte[] body = SignedPayloads.inviteeCreated();
        runner.withUserConfiguration(InviteeListener.class).run(context -> {
            WebhookProcessor processor = context.getBean(WebhookProcessor.class);
            processor.process(Deliveries.signed(body));
            processor.process(Deliveries.signed(body));
            assertThat(context.getBean(InviteeListener.class).received).hasSize(1);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class InviteeListener {

        final List<InviteeCreatedEvent> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(InviteeCreatedEvent event) {
            received.add(event);
        }
    }
}
