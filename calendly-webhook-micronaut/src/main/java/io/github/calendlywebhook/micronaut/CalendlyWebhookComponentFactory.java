package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.ip.ClientAddressResolver;
import io.github.calendlywebhook.core.ip.IpAllowlist;
import io.github.calendlywebhook.core.pipeline.Mechanisms;
import io.github.calendlywebhook.core.ratelimit.RateLimiter;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Creates the processor's mechanisms as beans, the same replaceable components as the Spring Boot starter's:
 * signature verifier, IP allowlist, client-address resolver and rate limiter. Each is created only when the
 * application defines no bean of its type; an invalid entry stops startup with a message naming the key.
 */
@Factory
@Requires(property = CalendlyWebhookProperties.PREFIX + ".enabled", notEquals = "false")
public class CalendlyWebhookComponentFactory {

    /**
     * Returns the signature verifier for the current and previous signing keys.
     *
     * @param settings the settings
     * @param clock the application's clock, if it declares one
     * @return the verifier
     */
    @Singleton
    @Requires(missingBeans = SignatureVerifier.class)
    SignatureVerifier calendlyWebhookSignatureVerifier(WebhookSettings settings, BeanProvider<Clock> clock) {
        return named(CalendlyWebhookProperties.PREFIX + ".secret",
                () -> Mechanisms.verifier(settings, CalendlyWebhookFactory.clock(clock)));
    }

    /**
     * Returns the allowlist of client networks.
     *
     * @param settings the settings
     * @return the allowlist; empty allows everyone
     */
    @Singleton
    @Requires(missingBeans = IpAllowlist.class)
    IpAllowlist calendlyWebhookAllowlist(WebhookSettings settings) {
        return named(CalendlyWebhookProperties.PREFIX + ".allowed-ips (ALLOWED_IPS)",
                () -> IpAllowlist.parse(settings.allowedIps()));
    }

    /**
     * Returns the resolver of the client address behind the trusted proxies.
     *
     * @param settings the settings
     * @return the resolver
     */
    @Singleton
    @Requires(missingBeans = ClientAddressResolver.class)
    ClientAddressResolver calendlyWebhookClientAddressResolver(WebhookSettings settings) {
        return named(CalendlyWebhookProperties.PREFIX + ".trusted-proxies",
                () -> ClientAddressResolver.trusting(settings.trustedProxies()));
    }

    /**
     * Returns the rate limiter per client, unless {@code calendly.webhook.rate-limit.enabled} is false.
     *
     * @param settings the settings
     * @param clock the application's clock, if it declares one
     * @return the limiter
     */
    @Singleton
    @Requires(missingBeans = RateLimiter.class)
    @Requires(property = CalendlyWebhookProperties.PREFIX + ".rate-limit.enabled", notEquals = "false")
    RateLimiter calendlyWebhookRateLimiter(WebhookSettings settings, BeanProvider<Clock> clock) {
        return Mechanisms.rateLimiter(settings, CalendlyWebhookFactory.clock(clock));
    }

    private static <T> T named(String key, Supplier<T> create) {
        try {
            return create.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }
}
