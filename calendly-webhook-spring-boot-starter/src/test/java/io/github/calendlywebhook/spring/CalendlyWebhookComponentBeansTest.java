package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.ip.ClientAddressResolver;
import io.github.calendlywebhook.core.ip.IpAllowlist;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.ratelimit.Bandwidth;
import io.github.calendlywebhook.core.ratelimit.RateLimiter;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.test.SignedPayloads;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CalendlyWebhookComponentBeansTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CalendlyWebhookAutoConfiguration.class))
            .withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET);

    @Test
    void componentsWhenEnabledShouldEachBeABean() {
        runner.run(context -> assertThat(context).hasSingleBean(SignatureVerifier.class)
                .hasSingleBean(IpAllowlist.class).hasSingleBean(ClientAddressResolver.class)
                .hasSingleBean(RateLimiter.class));
    }

    @Test
    void rateLimiterWhenRateLimitingDisabledShouldNotBeRegistered() {
        runner.withPropertyValues("calendly.webhook.rate-limit.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RateLimiter.class));
    }

    @Test
    void verifierWhenApplicationDefinesOneShouldCheckSignatures() {
        SignatureVerifier other = SignatureVerifier.builder().secret("another-secret-0123456789").build();
        runner.withBean(SignatureVerifier.class, () -> other).run(context -> {
            WebhookProcessor processor = context.getBean(WebhookProcessor.class);

            assertThat(processor.process(Deliveries.signed(SignedPayloads.inviteeCreated())).status()).isEqualTo(401);
            assertThat(processor.process(Deliveries.signed("another-secret-0123456789",
                    SignedPayloads.inviteeCreated())).status()).isEqualTo(200);
        });
    }

    @Test
    void allowlistWhenApplicationDefinesOneShouldDecideWhoMayDeliver() {
        runner.withBean(IpAllowlist.class, () -> IpAllowlist.parse(List.of("198.51.100.0/24"))).run(context -> {
            WebhookProcessor processor = context.getBean(WebhookProcessor.class);

            assertThat(processor.process(Deliveries.signed(SignedPayloads.inviteeCreated())).status()).isEqualTo(403);
        });
    }

    @Test
    void addressResolverWhenApplicationDefinesOneShouldBeTrusted() {
        runner.withPropertyValues("calendly.webhook.allowed-ips=198.51.100.0/24")
                .withBean(ClientAddressResolver.class, () -> ClientAddressResolver.trusting(List.of("203.0.113.0/24")))
                .run(context -> {
                    WebhookProcessor processor = context.getBean(WebhookProcessor.class);

                    assertThat(processor.process(Deliveries.signedVia("198.51.100.4",
                            SignedPayloads.inviteeCreated())).status()).isEqualTo(200);
                });
    }

    @Test
    void rateLimiterWhenApplicationDefinesOneShouldLimitClients() {
        RateLimiter onePerMinute = RateLimiter.builder().limit(Bandwidth.perMinute(1)).build();
        runner.withBean(RateLimiter.class, () -> onePerMinute).run(context -> {
            WebhookProcessor processor = context.getBean(WebhookProcessor.class);
            processor.process(Deliveries.signed(SignedPayloads.inviteeCreated()));

            assertThat(processor.process(Deliveries.signed(SignedPayloads.inviteeCreated())).status()).isEqualTo(429);
        });
    }

    @Test
    void rateLimiterWhenBuiltFromPropertiesShouldUseTheConfiguredLimit() {
        runner.withPropertyValues("calendly.webhook.rate-limit.requests-per-minute=2").run(context -> {
            WebhookProcessor processor = context.getBean(WebhookProcessor.class);
            processor.process(Deliveries.signed(SignedPayloads.inviteeCreated()));
            processor.process(Deliveries.signed(SignedPayloads.inviteeCreated()));

            assertThat(processor.process(Deliveries.signed(SignedPayloads.inviteeCreated())).headers())
                    .containsKey("Retry-After");
        });
    }
}
